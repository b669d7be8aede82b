package io.kursfilm.transcoder.probe;

import io.kursfilm.transcoder.MediaInput;
import io.kursfilm.transcoder.ProcessSandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs ffprobe in the {@link ProcessSandbox} with a watchdog: a hostile file must not hold a worker
 * forever. Output is capped so a crafted file cannot make us buffer without bound.
 */
class ProbeRunner {

  private static final int MAX_OUTPUT = 64 * 1024 * 1024;

  record Result(int exitCode, String output) {}

  private final Duration timeout;
  private final ProcessSandbox sandbox;

  ProbeRunner(Duration timeout, ProcessSandbox sandbox) {
    this.timeout = timeout;
    this.sandbox = sandbox;
  }

  /** Runs {@code command} with no writable directory, reading {@code input} only. */
  Result run(List<String> command, MediaInput input) throws IOException {
    Process process =
        sandbox
            .builder(command, null, input.readable(), input.environment())
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
