package io.kursfilm.transcoder.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void parser_reports_advancing_out_time_across_split_chunks() {
    List<Long> times = new ArrayList<>();
    ProgressParser parser = new ProgressParser(times::add);

    parser.append("frame=0\nout_time_us=N/A\nprogress=continue\nout_time_us=50");
    parser.append("0000\nout_time_ms=500000\nprogress=continue\n");
    parser.append("out_time_us=500000\nout_time_us=400000\nout_time_us=1000000\n");

    assertEquals(List.of(500000L, 1000000L), times);
    assertFalse(parser.ended());
    parser.append("progress=end\n");
    assertTrue(parser.ended());
  }

  @Test
  void parser_stall_clock_moves_only_when_out_time_advances() throws Exception {
    ProgressParser parser = new ProgressParser(t -> {});
    long created = parser.lastAdvanceNanos();
    Thread.sleep(5);
    parser.append("frame=1\nout_time_us=N/A\nprogress=continue\n");
    assertEquals(created, parser.lastAdvanceNanos());
    parser.append("out_time_us=40000\n");
    assertTrue(parser.lastAdvanceNanos() > created);
  }

  @Test
  void parser_ignores_endless_lines() {
    List<Long> times = new ArrayList<>();
    ProgressParser parser = new ProgressParser(times::add);
    parser.append("x".repeat(100_000) + "\nout_time_us=7\n");
    assertEquals(List.of(7L), times);
  }

  @Test
  void meter_is_monotonic_keeps_100_for_the_end_and_maps_the_ladder_to_95() {
    List<Integer> seen = new ArrayList<>();
    ProgressMeter meter = new ProgressMeter(seen::add);
    Duration ten = Duration.ofSeconds(10);

    meter.report(0);
    meter.ladder(5_000_000, ten);
    meter.ladder(4_000_000, ten);
    meter.ladder(12_000_000, ten);
    meter.report(99);
    meter.report(99);
    meter.report(100);

    assertEquals(List.of(0, 47, 95, 99, 100), seen);
  }
}
