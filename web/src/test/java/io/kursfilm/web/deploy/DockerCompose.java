package io.kursfilm.web.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code docker-compose} (installed by {@code infra/lib/common.sh ensure_packages}).
 * Its {@code config} command checks a file against the compose schema and resolves anchors,
 * extension fields and variables without a Docker engine.
 */
final class DockerCompose {

  /** Exit code and the merged stdout/stderr of one run. */
  record Result(int exitCode, String output) {}

  private DockerCompose() {}

  /** {@code docker-compose -f FILE --env-file ENV config [-q]}. */
  static Result config(Path file, Path envFile, boolean quiet) throws IOException {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "docker-compose", "-f", file.toString(), "--env-file", envFile.toString(), "config"));
    if (quiet) {
      command.add("-q");
    }
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException(
          "docker-compose not found: install it (apt-get install docker-compose;"
              + " infra/lib/common.sh ensure_packages does)",
          e);
    }
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("docker-compose config did not finish in 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return new Result(process.exitValue(), output);
  }
}
