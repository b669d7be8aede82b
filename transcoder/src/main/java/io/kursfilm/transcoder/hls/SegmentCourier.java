package io.kursfilm.transcoder.hls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Carries finished media segments out of the rung directories while the ladder run is going, so the
 * scratch directory (RAM on a tmpfs) holds a segment or two per rung instead of the whole ladder.
 * ffmpeg writes each segment as {@code seg_N.m4s.tmp} and renames it when it is complete ({@code
 * -hls_flags temp_file}), so a file under its final name is never written to again (ffmpeg 5.1,
 * fMP4, VOD: each segment is written in one go, then renamed). Init sections and playlists stay:
 * ffmpeg writes {@code init_<n>.mp4} in place and the playlists only at the end, and {@link
 * HlsOutput} still has to check and rename them.
 *
 * <p>Lifecycle: {@link #start} before ffmpeg, {@link #stop} once it has exited (always, in a
 * finally), then {@link #rethrowFailure} and, after a successful run, one last {@link #sweep} for
 * the segments ffmpeg closed on its way out. A failing sink cancels {@link #token()}, which the
 * ladder run is watched with, so ffmpeg stops instead of encoding for nothing.
 */
final class SegmentCourier {

  private static final long POLL_MILLIS = 100;

  private final Path outputDir;
  private final List<String> rungs;
  private final HandedOver handedOver;
  private final CancelToken token;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread thread;
  private volatile Exception failure;

  private SegmentCourier(
      Path outputDir, List<String> rungs, HandedOver handedOver, CancelToken cancel) {
    this.outputDir = outputDir;
    this.rungs = List.copyOf(rungs);
    this.handedOver = handedOver;
    this.token = new CancelToken(cancel);
    this.thread = new Thread(this::loop, "hls-segment-courier");
    thread.setDaemon(true);
  }

  /**
   * Starts polling the rung directories, which must exist.
   *
   * @param cancel the transcode's token; {@link #token()} follows it
   */
  static SegmentCourier start(
      Path outputDir, List<String> rungs, HandedOver handedOver, CancelToken cancel) {
    SegmentCourier courier = new SegmentCourier(outputDir, rungs, handedOver, cancel);
    courier.thread.start();
    return courier;
  }

  /** Cancelled by the caller's token or by a failed hand-over: the one to watch ffmpeg with. */
  CancelToken token() {
    return token;
  }

  /** Stops polling and waits for a hand-over in flight to finish; idempotent. */
  void stop() {
    stopped.countDown();
    Watchdog.joinQuietly(thread);
  }

  /** Throws what the sink threw while ffmpeg ran, if anything; call after {@link #stop}. */
  void rethrowFailure() throws IOException {
    Exception e = failure;
    if (e instanceof IOException io) {
      throw io;
    }
    if (e instanceof RuntimeException runtime) {
      throw runtime;
    }
  }

  /** Hands over every segment that is complete now, oldest first within each rung. */
  void sweep() throws IOException {
    for (String rung : rungs) {
      List<Path> done;
      try (Stream<Path> files = Files.list(outputDir.resolve(rung))) {
        done =
            files
                .filter(p -> LadderCommand.isSegment(p.getFileName().toString()))
                .sorted()
                .toList();
      }
      for (Path segment : done) {
        handedOver.handOver(rung + "/" + segment.getFileName(), segment);
      }
    }
  }

  private void loop() {
    try {
      do {
        sweep();
      } while (!stopped.await(POLL_MILLIS, TimeUnit.MILLISECONDS));
    } catch (IOException | RuntimeException e) {
      failure = e;
      token.cancel();
    } catch (InterruptedException e) {
      // Nobody interrupts this thread; if someone does, stopping early is the safe reading.
    }
  }
}
