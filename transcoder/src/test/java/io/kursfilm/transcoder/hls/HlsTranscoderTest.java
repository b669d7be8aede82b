package io.kursfilm.transcoder.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.kursfilm.transcoder.FfmpegInstallation;
import io.kursfilm.transcoder.MediaInput;
import io.kursfilm.transcoder.probe.InputProbe;
import io.kursfilm.transcoder.probe.MediaInfo;
import io.kursfilm.transcoder.probe.ProbeLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real ffmpeg on inputs generated with lavfi: each kind of upload becomes a playable HLS ladder
 * with the right rungs, handed over file by file to a sink that copies it into {@code delivered};
 * broken, cancelled and over-long runs leave nothing behind in the scratch directory.
 */
class HlsTranscoderTest {

  static final FfmpegInstallation FFMPEG =
      new FfmpegInstallation(Path.of("/usr/bin/ffmpeg"), Path.of("/usr/bin/ffprobe"));

  @TempDir static Path inputs;
  static Path fullHd;

  @TempDir Path work;
  Path out;
  Path delivered;
  final List<Integer> progress = new CopyOnWriteArrayList<>();
  final InputProbe probe = new InputProbe(FFMPEG, ProbeLimits.defaults());
  final HlsTranscoder transcoder = new HlsTranscoder(FFMPEG, LadderSettings.defaults());

  @BeforeAll
  static void generateFullHd() throws Exception {
    fullHd = inputs.resolve("full-hd.mp4");
    generate(
        "-f lavfi -i testsrc2=size=1920x1080:rate=30:duration=5 -f lavfi -i sine=duration=5"
            + " -c:v libx264 -preset ultrafast -c:a aac -shortest -metadata artist=Jane_Doe_42",
        fullHd);
  }

  @BeforeEach
  void deliveryDirectory() throws IOException {
    delivered = Files.createDirectory(work.resolve("delivered"));
  }

  @AfterEach
  void noFfmpegOutlivesItsTest() {
    assertTrue(
        ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive),
        "a child process is still running");
  }

  @Test
  void h264_aac_1080p_mp4_with_moov_at_the_end_gets_all_four_rungs() throws Exception {
    byte[] bytes = Files.readAllBytes(fullHd);
    assertTrue(indexOf(bytes, "moov") > indexOf(bytes, "mdat"), "moov should follow mdat");

    TranscodeResult result = transcode(fullHd);

    assertRungs(result, "1920x1080", "1280x720", "854x480", "640x360");
    assertPlayable(result, true);
    assertProgressMonotonicTo100();
    for (String file : result.files()) {
      byte[] written = Files.readAllBytes(delivered.resolve(file));
      assertEquals(-1, indexOf(written, "Jane_Doe_42"), "upload metadata leaked into " + file);
    }
  }

  @Test
  void vp9_mkv_without_audio_gets_one_rung_at_its_own_size() throws Exception {
    Path mkv = inputs.resolve("small.mkv");
    generate(
        "-f lavfi -i testsrc2=size=426x240:rate=25:duration=5"
            + " -c:v libvpx-vp9 -deadline realtime -cpu-used 8",
        mkv);

    TranscodeResult result = transcode(mkv);

    assertRungs(result, "426x240");
    assertEquals("240p/playlist.m3u8", result.renditions().get(0).playlist());
    assertPlayable(result, false);
  }

  @Test
  void mpeg4_part2_avi_with_audio_longer_than_video_gets_480p_and_360p_of_video_length()
      throws Exception {
    Path avi = inputs.resolve("old.avi");
    generate(
        "-f lavfi -i testsrc2=size=854x480:rate=25:duration=5 -f lavfi -i sine=duration=6.5"
            + " -c:v mpeg4 -q:v 5 -c:a libmp3lame",
        avi);

    TranscodeResult result = transcode(avi);

    assertRungs(result, "854x480", "640x360");
    assertPlayable(result, true);
  }

  @Test
  void rotated_odd_sized_video_is_encoded_upright_at_even_sizes() throws Exception {
    Path plain = inputs.resolve("odd.mp4");
    generate(
        "-f lavfi -i testsrc=size=1081x607:rate=25:duration=5 -f lavfi -i sine=duration=5"
            + " -c:v libx264 -preset ultrafast -c:a aac -shortest",
        plain);
    // testsrc is RGB, so x264 encodes 4:4:4 and keeps the odd size (testsrc2 rounds it to even);
    // ffmpeg 5.1 writes the display matrix only when copying the stream.
    Path rotated = inputs.resolve("rotated.mp4");
    ffmpeg(
        "-i", plain.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90", rotated.toString());

    TranscodeResult result = transcode(rotated);

    // Display size 607x1081: portrait, so the rungs are named and sized by the width.
    assertRungs(result, "480x854", "360x642");
    assertEquals("480p/playlist.m3u8", result.renditions().get(0).playlist());
    assertPlayable(result, true);
    String shown =
        run(
            "/usr/bin/ffprobe",
            "-v",
            "error",
            "-select_streams",
            "v:0",
            "-show_entries",
            "stream=width,height:stream_side_data=rotation",
            "-of",
            "compact",
            delivered.resolve("480p/playlist.m3u8").toString());
    assertTrue(shown.contains("width=480|height=854"), shown);
    assertFalse(shown.contains("rotation"), shown);
  }

  @Test
  void truncated_mp4_with_moov_first_fails_and_leaves_nothing() throws Exception {
    Path faststart = inputs.resolve("faststart.mp4");
    generate(
        "-f lavfi -i testsrc2=size=320x240:rate=25:duration=8"
            + " -c:v libx264 -preset ultrafast -movflags +faststart",
        faststart);
    byte[] whole = Files.readAllBytes(faststart);
    Path cut = Files.write(inputs.resolve("cut.mp4"), Arrays.copyOf(whole, whole.length / 2));
    // As if the probe had missed it: the header's 8 s, which ffmpeg cannot deliver.
    MediaInfo claimed =
        new MediaInfo("mov", Duration.ofSeconds(8), 320, 240, 0, "h264", Optional.empty());

    out = privateDir("cut");
    TranscodeFailedException e =
        assertThrows(
            TranscodeFailedException.class,
            () ->
                transcoder.transcode(
                    MediaInput.file(cut),
                    claimed,
                    out,
                    this::collect,
                    progress::add,
                    new CancelToken()));

    assertEquals(TranscodeFailedException.Reason.INVALID_OUTPUT, e.reason());
    assertEmpty(out);
  }

  @Test
  void ffmpeg_failure_is_reported_without_the_input_location_and_leaves_nothing() throws Exception {
    byte[] noise = new byte[100_000];
    new java.util.Random(7).nextBytes(noise);
    Path garbage = Files.write(inputs.resolve("garbage.mp4"), noise);
    MediaInfo claimed =
        new MediaInfo("mov", Duration.ofSeconds(5), 320, 240, 0, "h264", Optional.empty());
    out = privateDir("garbage");

    TranscodeFailedException e =
        assertThrows(
            TranscodeFailedException.class,
            () ->
                transcoder.transcode(
                    MediaInput.file(garbage),
                    claimed,
                    out,
                    this::collect,
                    progress::add,
                    new CancelToken()));

    assertEquals(TranscodeFailedException.Reason.FFMPEG_FAILED, e.reason());
    assertFalse(e.getMessage().contains(inputs.toString()), e.getMessage());
    assertEmpty(out);
  }

  @Test
  void cancel_mid_run_stops_ffmpeg_and_leaves_nothing() throws Exception {
    MediaInfo info = probe.probe(fullHd);
    out = privateDir("cancel");
    CancelToken cancel = new CancelToken();
    CompletableFuture<Integer> started = new CompletableFuture<>();
    CompletableFuture<TranscodeResult> run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return transcoder.transcode(
                    MediaInput.file(fullHd),
                    info,
                    out,
                    this::collect,
                    p -> {
                      if (p >= 5) {
                        started.complete(p);
                      }
                    },
                    cancel);
              } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
              }
            });
    started.get(60, TimeUnit.SECONDS);
    cancel.cancel();

    ExecutionException e =
        assertThrows(ExecutionException.class, () -> run.get(30, TimeUnit.SECONDS));

    assertTrue(e.getCause() instanceof TranscodeCancelledException, e.getCause().toString());
    assertEmpty(out);
  }

  @Test
  void overall_timeout_kills_ffmpeg_and_leaves_nothing() throws Exception {
    MediaInfo info = probe.probe(fullHd);
    LadderSettings impatient =
        LadderSettings.defaults().withTimeouts(Duration.ofSeconds(60), Duration.ZERO, 0.1);
    out = privateDir("timeout");

    TranscodeFailedException e =
        assertThrows(
            TranscodeFailedException.class,
            () ->
                new HlsTranscoder(FFMPEG, impatient)
                    .transcode(
                        MediaInput.file(fullHd),
                        info,
                        out,
                        this::collect,
                        progress::add,
                        new CancelToken()));

    assertEquals(TranscodeFailedException.Reason.TIMED_OUT, e.reason());
    assertEmpty(out);
  }

  @Test
  void stalled_loopback_stream_is_stopped_and_leaves_nothing() throws Exception {
    Path faststart = inputs.resolve("stall.mp4");
    generate(
        "-f lavfi -i testsrc2=size=320x240:rate=25:duration=6"
            + " -c:v libx264 -preset ultrafast -movflags +faststart",
        faststart);
    byte[] bytes = Files.readAllBytes(faststart);
    CountDownLatch release = new CountDownLatch(1);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    // Like a decrypting stream whose source hangs: half the bytes, then nothing.
    server.createContext(
        "/upload",
        exchange -> {
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
          exchange.getResponseBody().flush();
          try {
            release.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    server.start();
    try {
      MediaInput input =
          MediaInput.loopback(
              URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/upload"),
              bytes.length,
              "unchecked-here");
      MediaInfo info =
          new MediaInfo("mov", Duration.ofSeconds(6), 320, 240, 0, "h264", Optional.empty());
      LadderSettings patient =
          LadderSettings.defaults().withTimeouts(Duration.ofSeconds(3), Duration.ofMinutes(2), 1);
      out = privateDir("stall");

      TranscodeFailedException e =
          assertThrows(
              TranscodeFailedException.class,
              () ->
                  new HlsTranscoder(FFMPEG, patient)
                      .transcode(
                          input, info, out, this::collect, progress::add, new CancelToken()));

      assertEquals(TranscodeFailedException.Reason.STALLED, e.reason());
      assertEmpty(out);
    } finally {
      release.countDown();
      server.stop(0);
    }
  }

  @Test
  void output_directory_must_be_empty_and_private() throws Exception {
    MediaInfo info = probe.probe(fullHd);
    Path open = Files.createDirectory(work.resolve("open"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path used = privateDir("used");
    Files.writeString(used.resolve("old.txt"), "x");

    for (Path dir : List.of(open, used, work.resolve("missing"))) {
      assertThrows(
          IllegalArgumentException.class,
          () ->
              transcoder.transcode(
                  MediaInput.file(fullHd),
                  info,
                  dir,
                  this::collect,
                  progress::add,
                  new CancelToken()));
    }
    assertTrue(Files.exists(used.resolve("old.txt")), "a refused directory is left alone");
  }

  private TranscodeResult transcode(Path input) throws Exception {
    MediaInfo info = probe.probe(input);
    out = privateDir("out");
    return transcoder.transcode(
        MediaInput.file(input), info, out, this::collect, progress::add, new CancelToken());
  }

  /** The sink: copies each file into {@code delivered} under its relative name. */
  void collect(String name, Path file) throws IOException {
    Path target = delivered.resolve(name);
    Files.createDirectories(target.getParent());
    Files.copy(file, target);
  }

  private void assertRungs(TranscodeResult result, String... sizes) {
    List<String> actual =
        result.renditions().stream().map(r -> r.width() + "x" + r.height()).toList();
    assertEquals(List.of(sizes), actual);
    assertTrue(result.renditions().stream().allMatch(r -> r.bandwidth() > 0));
  }

  private void assertPlayable(TranscodeResult result, boolean audio) throws Exception {
    List<String> files = result.files();
    assertEquals(OutputDirectory.files(delivered), files);
    assertEmpty(out);
    assertTrue(
        files.containsAll(
            List.of("master.m3u8", "poster.jpg", "thumbs/storyboard.vtt", "thumbs/sprite_000.jpg")),
        files.toString());
    assertTrue(files.stream().noneMatch(f -> f.startsWith(".")), files.toString());
    assertTrue(Math.abs(result.duration().toMillis() - 5000) <= 1000, result.duration().toString());
    for (Rendition r : result.renditions()) {
      String dir = r.playlist().substring(0, r.playlist().indexOf('/') + 1);
      assertTrue(files.contains(dir + "init.mp4") && files.contains(dir + "seg_00000.m4s"), dir);
      Playlists.Media media = Playlists.media(Files.readString(delivered.resolve(r.playlist())));
      assertEquals("init.mp4", media.init());
      assertTrue(media.segments().stream().allMatch(s -> s.seconds() <= 4.5), media.toString());
    }
    String master = delivered.resolve("master.m3u8").toString();
    String streams =
        run(
            "/usr/bin/ffprobe",
            "-v",
            "error",
            "-show_entries",
            "stream=codec_name",
            "-of",
            "csv=p=0",
            master);
    assertTrue(streams.contains("h264"), streams);
    assertEquals(audio, streams.contains("aac"), streams);
    assertEquals(
        "",
        run(
            "/usr/bin/ffmpeg",
            "-nostdin",
            "-v",
            "error",
            "-i",
            master,
            "-map",
            "0",
            "-f",
            "null",
            "-"));
    String vtt = Files.readString(delivered.resolve("thumbs/storyboard.vtt"));
    assertTrue(vtt.startsWith("WEBVTT\n") && vtt.contains("sprite_000.jpg#xywh=0,0,"), vtt);
  }

  private void assertProgressMonotonicTo100() {
    for (int i = 1; i < progress.size(); i++) {
      assertTrue(progress.get(i) > progress.get(i - 1), progress.toString());
    }
    assertEquals(100, progress.get(progress.size() - 1));
    // A tile= output in the graph would hold -progress back until the end (docs/architecture.md).
    assertTrue(
        progress.stream().anyMatch(p -> p > 0 && p < ProgressMeter.LADDER_DONE),
        "progress should arrive while ffmpeg runs: " + progress);
  }

  private static void assertEmpty(Path dir) throws IOException {
    assertEquals(List.of(), OutputDirectory.files(dir));
    try (var entries = Files.list(dir)) {
      assertEquals(0, entries.count(), "no directories left either");
    }
  }

  private Path privateDir(String name) throws IOException {
    return Files.createDirectory(
        work.resolve(name),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
  }

  private static int indexOf(byte[] bytes, String ascii) {
    byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Runs ffmpeg with space-separated {@code args} writing {@code output}. */
  static void generate(String args, Path output) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of(args.split(" ")));
    all.add(output.toString());
    ffmpeg(all.toArray(String[]::new));
  }

  static void ffmpeg(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("/usr/bin/ffmpeg", "-nostdin", "-y", "-v", "error"));
    command.addAll(List.of(args));
    String output = run(command.toArray(String[]::new));
    if (!output.isEmpty()) {
      throw new IOException("ffmpeg: " + output);
    }
  }

  /** Runs a command, returns stdout and stderr; fails on a non-zero exit. */
  static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
    return output.strip();
  }
}
