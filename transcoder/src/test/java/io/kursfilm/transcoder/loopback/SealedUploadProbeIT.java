package io.kursfilm.transcoder.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.storage.keys.LocalKeyStore;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.sealed.ChunkedUpload;
import io.kursfilm.storage.sealed.SealedChunks;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.storage.testing.LocalS3;
import io.kursfilm.transcoder.TestFfmpeg;
import io.kursfilm.transcoder.probe.InputProbe;
import io.kursfilm.transcoder.probe.MediaInfo;
import io.kursfilm.transcoder.probe.ProbeLimits;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole read path of an upload: sealed chunks in a real S3 endpoint, decrypted by range into
 * the loopback server, probed by real ffprobe. Clip length and chunk size can be raised with {@code
 * -Dkursfilm.e2e.seconds} and {@code -Dkursfilm.e2e.chunk} to measure.
 */
class SealedUploadProbeIT {

  static final String TENANT = "tenant-a";
  static final String PREFIX = "videos/e2e/original";
  static final int SECONDS = Integer.getInteger("kursfilm.e2e.seconds", 10);
  static final int CHUNK = Integer.getInteger("kursfilm.e2e.chunk", 256 * 1024);
  static final String FRAME = System.getProperty("kursfilm.e2e.frame", "640x360");

  /** A filter such as {@code noise=alls=20:allf=t} makes the clip as costly to store as film. */
  static final String FILTER = System.getProperty("kursfilm.e2e.vf", "null");

  @TempDir static Path dir;
  static LocalS3 s3;
  static SealedChunks chunks;
  static LoopbackServer server;
  static Path mp4;

  @BeforeAll
  static void start() throws Exception {
    mp4 = dir.resolve("moov-at-end.mp4");
    TestFfmpeg.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "testsrc=size=" + FRAME + ":rate=25:duration=" + SECONDS,
        "-f",
        "lavfi",
        "-i",
        "sine=duration=" + SECONDS,
        "-vf",
        FILTER,
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-c:a",
        "aac",
        "-shortest",
        mp4.toString());
    s3 = new LocalS3(dir.resolve("s3"), 0).start();
    ObjectStore store = new ObjectStore(s3.settings("kf-e2e"));
    LocalKeyStore keys =
        new LocalKeyStore(dir.resolve("keys"), true, Duration.ofMinutes(5), Clock.systemUTC());
    keys.create(TENANT);
    SealedObjects sealed = new SealedObjects(store, keys);
    sealed.warmUp();
    chunks = new SealedChunks(sealed, store, CHUNK);
    server = LoopbackServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    s3.close();
  }

  @Test
  void ffprobe_accepts_a_moov_at_end_mp4_read_from_sealed_chunks_through_the_loopback()
      throws Exception {
    ChunkedUpload upload;
    try (InputStream in = Files.newInputStream(mp4)) {
      upload = chunks.putAll(TENANT, PREFIX, in, Long.MAX_VALUE);
    }
    assertEquals(Files.size(mp4), upload.size());
    assertEquals(chunks.chunkCount(upload.size()), upload.chunks());
    assertTrue(
        upload.chunks() > 1 || Integer.getInteger("kursfilm.e2e.chunk") != null, "" + upload);
    assertFalse(blobsContain(Arrays.copyOfRange(Files.readAllBytes(mp4), 5000, 5064)));
    InputProbe probe = new InputProbe(LoopbackProbeTest.FFMPEG, ProbeLimits.defaults());
    AtomicInteger ranges = new AtomicInteger();
    RangeSource source =
        RangeSource.of(
            upload.size(),
            (offset, length) -> {
              ranges.incrementAndGet();
              return chunks.openRange(TENANT, PREFIX, upload.size(), offset, length);
            });

    MediaInfo fromFile = probe.probe(mp4); // also warms ffprobe's page cache
    long fileNanos = Long.MAX_VALUE;
    long loopbackNanos = Long.MAX_VALUE;
    MediaInfo overLoopback = null;
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      probe.probe(mp4);
      fileNanos = Math.min(fileNanos, System.nanoTime() - t0);
      try (LoopbackServer.Lease lease = server.publish(source)) {
        long t1 = System.nanoTime();
        overLoopback = probe.probe(lease.input());
        loopbackNanos = Math.min(loopbackNanos, System.nanoTime() - t1);
      }
    }

    assertEquals(fromFile, overLoopback);
    assertTrue(
        Math.abs(overLoopback.duration().toMillis() - SECONDS * 1000L) < 200,
        overLoopback.duration().toString());
    System.out.printf(
        "probe of %d bytes (%d chunks of %d): file %d ms, sealed chunks over loopback %d ms,"
            + " %d range requests in 3 rounds%n",
        upload.size(),
        upload.chunks(),
        CHUNK,
        fileNanos / 1_000_000,
        loopbackNanos / 1_000_000,
        ranges.get());
    long t3 = System.nanoTime();
    try (InputStream in = chunks.openRange(TENANT, PREFIX, upload.size(), 0, upload.size())) {
      assertEquals(upload.size(), in.transferTo(OutputStream.nullOutputStream()));
    }
    long directNanos = System.nanoTime() - t3;
    long t2 = System.nanoTime();
    try (LoopbackServer.Lease lease = server.publish(source)) {
      HttpResponse<InputStream> whole =
          LoopbackClient.of(server, () -> lease)
              .send(
                  HttpRequest.newBuilder(URI.create(lease.input().url())).build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = whole.body()) {
        assertEquals(upload.size(), in.transferTo(OutputStream.nullOutputStream()));
      }
    }
    System.out.printf(
        "whole upload read directly: %d ms, over the loopback (cold HTTP client): %d ms%n",
        directNanos / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
    assertEquals(upload.chunks(), chunks.deleteAll(TENANT, PREFIX));
  }

  private static boolean blobsContain(byte[] needle) throws Exception {
    try (Stream<Path> files = Files.walk(s3.blobDir())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i + needle.length <= bytes.length; i++) {
          if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
