package io.kursfilm.transcoder.probe;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs ffprobe with a watchdog: a hostile file must not hold a worker forever. Output is capped so
 * a crafted file cannot make us buffer without bound.
 */
class ProbeRunner {

  private static final int MAX_OUTPUT = 64 * 1024 * 1024;

  record Result(int exitCode, String output) {}

  private final Duration timeout;

  ProbeRunner(Duration timeout) {
    this.timeout = timeout;
  }

  Result run(List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    // The watchdog kills a probe that runs too long; reading then ends with EOF.
    CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .execute(process::destroyForcibly);
    try (InputStream out = process.getInputStream()) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      byte[] chunk = new byte[64 * 1024];
      int n;
      while ((n = out.read(chunk)) >= 0) {
        if (buffer.size() + n > MAX_OUTPUT) {
          process.destroyForcibly();
          return new Result(-1, "");
        }
        buffer.write(chunk, 0, n);
      }
      int exit = process.waitFor();
      return new Result(exit, buffer.toString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while probing", e);
    }
  }
}
