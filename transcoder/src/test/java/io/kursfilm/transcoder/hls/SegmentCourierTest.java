package io.kursfilm.transcoder.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.transcoder.MediaInput;
import io.kursfilm.transcoder.TestFfmpeg;
import io.kursfilm.transcoder.probe.InputProbe;
import io.kursfilm.transcoder.probe.MediaInfo;
import io.kursfilm.transcoder.probe.ProbeLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real ffmpeg: media segments leave the scratch directory for the sink while the ladder run is
 * still encoding, so only a segment or so per rung is ever on the tmpfs; a sink that fails stops
 * ffmpeg and leaves nothing behind.
 */
class SegmentCourierTest {

  @TempDir static Path inputs;

  /** 16 s of 720p: three rungs of four segments, the first three of each closed mid-run. */
  static Path clip;

  static MediaInfo info;

  @TempDir Path work;
  Path out;
  final HlsTranscoder transcoder =
      new HlsTranscoder(TestFfmpeg.INSTALLATION, LadderSettings.defaults());
  final AtomicInteger progress = new AtomicInteger();

  @BeforeAll
  static void generateClip() throws Exception {
    clip = TestFfmpeg.hdMp4(inputs.resolve("hd.mp4"), 16);
    info = new InputProbe(TestFfmpeg.INSTALLATION, ProbeLimits.defaults()).probe(clip);
  }

  @BeforeEach
  void scratchDirectory() throws IOException {
    out =
        Files.createDirectory(
            work.resolve("out"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
  }

  @AfterEach
  void noFfmpegOutlivesItsTest() {
    assertTrue(ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
  }

  @Test
  void segments_are_handed_over_while_ffmpeg_encodes_and_never_pile_up() throws Exception {
    record HandOver(String name, boolean ffmpegRunning, int percent) {}
    List<HandOver> handOvers = new CopyOnWriteArrayList<>();
    OutputSink sink =
        (name, file) -> handOvers.add(new HandOver(name, ffmpegRunning(), progress.get()));
    Map<String, Integer> mostSegments = new ConcurrentHashMap<>();
    Thread sampler = sampleSegmentsPerRung(mostSegments);

    TranscodeResult result;
    try {
      result =
          transcoder.transcode(
              MediaInput.file(clip), info, out, sink, progress::set, new CancelToken());
    } finally {
      sampler.interrupt();
      sampler.join();
    }

    List<HandOver> segments = handOvers.stream().filter(h -> h.name().endsWith(".m4s")).toList();
    assertEquals(12, segments.size(), handOvers.toString());
    assertTrue(
        segments.get(0).ffmpegRunning(), "the first segment waited for the end: " + segments);
    for (String rung : List.of("720p", "480p", "360p")) {
      long early =
          segments.stream()
              .filter(h -> h.name().startsWith(rung + "/") && h.ffmpegRunning())
              .filter(h -> h.percent() < ProgressMeter.LADDER_DONE)
              .count();
      assertTrue(early >= 2, rung + " segments handed over during the encode: " + segments);
    }
    assertTrue(
        mostSegments.values().stream().allMatch(n -> n <= 2),
        "segment files on the scratch directory at once, per rung: " + mostSegments);
    assertEquals(handOvers.stream().map(HandOver::name).sorted().toList(), result.files());
    assertEquals(List.of(), OutputDirectory.files(out));
  }

  @Test
  void a_failing_sink_stops_ffmpeg_and_leaves_nothing() throws Exception {
    List<String> accepted = new CopyOnWriteArrayList<>();
    OutputSink failing =
        (name, file) -> {
          if (accepted.size() == 2) {
            throw new IOException("object store unavailable");
          }
          accepted.add(name);
        };

    IOException e =
        assertThrows(
            IOException.class,
            () ->
                transcoder.transcode(
                    MediaInput.file(clip), info, out, failing, progress::set, new CancelToken()));

    assertEquals("object store unavailable", e.getMessage());
    assertEquals(2, accepted.size(), accepted.toString());
    assertTrue(
        progress.get() < ProgressMeter.LADDER_DONE,
        "ffmpeg was stopped before the end, at " + progress.get() + " %");
    try (Stream<Path> left = Files.list(out)) {
      assertEquals(List.of(), left.toList());
    }
  }

  private static boolean ffmpegRunning() {
    return ProcessHandle.current()
        .descendants()
        .anyMatch(p -> p.isAlive() && p.info().command().orElse("").endsWith("/ffmpeg"));
  }

  /** Every 20 ms, the segment files (complete or in the making) of each rung directory. */
  private Thread sampleSegmentsPerRung(Map<String, Integer> most) {
    Thread t =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                for (String rung : List.of("720p", "480p", "360p")) {
                  most.merge(rung, segmentFiles(out.resolve(rung)), Math::max);
                }
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "segment-sampler");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static int segmentFiles(Path rungDir) {
    try (Stream<Path> files = Files.list(rungDir)) {
      return (int) files.filter(p -> p.getFileName().toString().startsWith("seg_")).count();
    } catch (IOException e) {
      return 0; // not created yet, or already removed
    }
  }
}
