package io.kursfilm.transcoder.hls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The ffmpeg process as ffmpeg-cli-wrapper sees it, while {@link FfmpegRunner} keeps the lifecycle
 * to itself. The wrapper reads stdout to the end, then stderr, then waits one second and destroys
 * the process; here stderr is drained concurrently into a short tail (so a chatty ffmpeg can never
 * block on a full pipe), the wrapper's wait is stretched to the kill grace so a slow exit under
 * load is not mistaken for a failure, and its {@code destroy()} is ignored: the runner's watchdog
 * and clean-up end the real process.
 */
final class ObservedProcess extends Process {

  private static final int TAIL = 4096;

  private final Process real;
  private final long minWaitMillis;
  private final StringBuilder tail = new StringBuilder();
  private final Thread drain;

  ObservedProcess(Process real, long minWaitMillis) {
    this.real = real;
    this.minWaitMillis = minWaitMillis;
    this.drain = new Thread(this::drainStderr, "ffmpeg-stderr-" + real.pid());
    drain.setDaemon(true);
    drain.start();
  }

  Process real() {
    return real;
  }

  /** The last few KB ffmpeg wrote to stderr, once it has exited. */
  String stderrTail() {
    try {
      drain.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (tail) {
      return tail.toString().strip();
    }
  }

  private void drainStderr() {
    byte[] buffer = new byte[8192];
    try (InputStream err = real.getErrorStream()) {
      int n;
      while ((n = err.read(buffer)) >= 0) {
        synchronized (tail) {
          tail.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          if (tail.length() > TAIL) {
            tail.delete(0, tail.length() - TAIL);
          }
        }
      }
    } catch (IOException e) {
      // The pipe closes when the process is killed; what was read so far is the tail.
    }
  }

  @Override
  public OutputStream getOutputStream() {
    return real.getOutputStream();
  }

  @Override
  public InputStream getInputStream() {
    return real.getInputStream();
  }

  @Override
  public InputStream getErrorStream() {
    return InputStream.nullInputStream();
  }

  @Override
  public int waitFor() throws InterruptedException {
    return real.waitFor();
  }

  @Override
  public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    return real.waitFor(Math.max(unit.toMillis(timeout), minWaitMillis), TimeUnit.MILLISECONDS);
  }

  @Override
  public int exitValue() {
    return real.exitValue();
  }

  @Override
  public void destroy() {
    // Ignored on purpose: see the class comment.
  }

  @Override
  public Process destroyForcibly() {
    return this;
  }

  @Override
  public boolean isAlive() {
    return real.isAlive();
  }

  @Override
  public long pid() {
    return real.pid();
  }

  @Override
  public ProcessHandle toHandle() {
    return real.toHandle();
  }

  @Override
  public CompletableFuture<Process> onExit() {
    return real.onExit().thenApply(p -> this);
  }
}
