package io.kursfilm.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProbeVerdictTest {

  @Test
  void not_ready_until_a_probe_succeeded() {
    ProbeVerdict verdict = new ProbeVerdict(3);
    assertFalse(verdict.up());
    verdict.record(false);
    verdict.record(false);
    verdict.record(false);
    verdict.record(false);
    assertFalse(verdict.up());
    verdict.record(true);
    assertTrue(verdict.up());
  }

  @Test
  void failures_short_of_the_threshold_do_not_take_it_down() {
    ProbeVerdict verdict = new ProbeVerdict(3);
    verdict.record(true);
    verdict.record(false);
    verdict.record(false);
    assertTrue(verdict.up());
    verdict.record(true);
    verdict.record(false);
    verdict.record(false);
    assertTrue(verdict.up(), "a success in between starts the count again");
  }

  @Test
  void the_threshold_of_failures_in_a_row_takes_it_down_and_one_success_brings_it_back() {
    ProbeVerdict verdict = new ProbeVerdict(3);
    verdict.record(true);
    verdict.record(false);
    verdict.record(false);
    verdict.record(false);
    assertFalse(verdict.up());
    verdict.record(true);
    assertTrue(verdict.up());
  }

  @Test
  void a_threshold_below_one_is_refused() {
    assertThrows(IllegalArgumentException.class, () -> new ProbeVerdict(0));
  }
}
