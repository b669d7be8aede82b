package io.kursfilm.transcoder.loopback;

import static io.kursfilm.transcoder.TestFfmpeg.ffmpeg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.transcoder.FfmpegInstallation;
import io.kursfilm.transcoder.MediaInput;
import io.kursfilm.transcoder.TestFfmpeg;
import io.kursfilm.transcoder.probe.InputProbe;
import io.kursfilm.transcoder.probe.InputRejectedException;
import io.kursfilm.transcoder.probe.MediaInfo;
import io.kursfilm.transcoder.probe.ProbeLimits;
import io.kursfilm.transcoder.probe.RejectionReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real ffprobe reading uploads through the loopback server, as it will in a job. */
class LoopbackProbeTest {

  static final FfmpegInstallation FFMPEG =
      new FfmpegInstallation(Path.of("/usr/bin/ffmpeg"), Path.of("/usr/bin/ffprobe"));

  @TempDir static Path dir;
  static Path mp4;
  static Path mkv;
  static LoopbackServer server;

  final InputProbe probe = new InputProbe(FFMPEG, ProbeLimits.defaults());

  @BeforeAll
  static void generate() throws Exception {
    mp4 = dir.resolve("moov-at-end.mp4");
    TestFfmpeg.smallMp4(mp4);
    mkv = dir.resolve("clip.mkv");
    ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "testsrc=size=160x120:rate=25:duration=2",
        "-c:v",
        "libvpx-vp9",
        "-deadline",
        "realtime",
        "-cpu-used",
        "8",
        mkv.toString());
    server = LoopbackServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void moov_at_the_end_mp4_is_accepted_over_the_loopback_by_seeking() throws Exception {
    List<String> boxes = topLevelBoxes(mp4);
    assertTrue(boxes.indexOf("moov") > boxes.indexOf("mdat"), "moov not at the end: " + boxes);
    MemorySource source = MemorySource.of(mp4);

    MediaInfo info;
    try (LoopbackServer.Lease lease = server.publish(source)) {
      info = probe.probe(lease.input());
    }

    assertEquals(probe.probe(mp4), info);
    assertEquals("mov", info.container());
    assertEquals("h264", info.videoCodec());
    assertEquals("aac", info.audioCodec().orElseThrow());
    assertTrue(source.seeked(), "ffprobe did not ask for a range");
    assertEquals(source.opened.size(), source.closed.get(), "every opened range was closed");
  }

  @Test
  void mkv_is_accepted_over_the_loopback() throws Exception {
    try (LoopbackServer.Lease lease = server.publish(MemorySource.of(mkv))) {
      MediaInfo info = probe.probe(lease.input());

      assertEquals(probe.probe(mkv), info);
      assertEquals("matroska", info.container());
      assertEquals("vp9", info.videoCodec());
    }
  }

  @Test
  void playlist_and_concat_list_are_refused_without_reading_anything_else() throws Exception {
    MemorySource canary = MemorySource.of(mp4);
    try (LoopbackServer.Lease other = server.publish(canary)) {
      // The suffix passes ffmpeg's check of HLS segment extensions; without -format_whitelist
      // ffprobe then reads the other input (tried by hand), so only the whitelist stops it here.
      String url = other.input().url() + "#segment.ts";
      String playlist =
          "#EXTM3U\n#EXT-X-TARGETDURATION:3\n#EXTINF:3,\n"
              + url
              + "\n#EXTINF:3,\n"
              + mp4
              + "\n#EXT-X-ENDLIST\n";
      String concat = "ffconcat version 1.0\nfile '" + url + "'\nfile '" + mp4 + "'\n";
      for (String text : List.of(playlist, concat)) {
        Path named = Files.writeString(dir.resolve("list.mp4"), text);
        try (LoopbackServer.Lease lease = server.publish(MemorySource.of(named))) {
          assertRejected(RejectionReason.NOT_A_SUPPORTED_VIDEO, lease.input());
        }
      }
    }

    assertTrue(canary.opened.isEmpty(), "the playlist made ffprobe read another input");
  }

  @Test
  void a_withdrawn_lease_is_not_probed() throws Exception {
    MemorySource source = MemorySource.of(mp4);
    LoopbackServer.Lease lease = server.publish(source);
    MediaInput input = lease.input();
    lease.close();

    assertRejected(RejectionReason.NOT_A_SUPPORTED_VIDEO, input);
    assertTrue(source.opened.isEmpty());
  }

  private void assertRejected(RejectionReason expected, MediaInput input) {
    InputRejectedException e = assertThrows(InputRejectedException.class, () -> probe.probe(input));
    assertEquals(expected, e.reason(), e.getMessage());
  }

  /** The four-letter types of an MP4's top-level boxes, in file order. */
  static List<String> topLevelBoxes(Path file) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
    List<String> types = new ArrayList<>();
    while (bytes.remaining() >= 8) {
      int start = bytes.position();
      long size = Integer.toUnsignedLong(bytes.getInt());
      byte[] type = new byte[4];
      bytes.get(type);
      if (size == 1) {
        size = bytes.getLong();
      }
      types.add(new String(type, StandardCharsets.US_ASCII));
      if (size < 8 || start + size > bytes.limit()) {
        break;
      }
      bytes.position((int) (start + size));
    }
    return types;
  }
}
