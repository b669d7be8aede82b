package io.kursfilm.web.drills;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A standalone transcoder worker (the transcoder module's worker jar) on the cluster's database, S3
 * endpoint and key store, configured through environment variables as in production.
 */
final class WorkerNode {

  private final Path dir;
  private final Map<String, String> configuration;
  private Process process;

  WorkerNode(Path dir, Map<String, String> configuration) {
    this.dir = dir.toAbsolutePath();
    this.configuration = configuration;
  }

  Path log() {
    return dir.resolve("worker.log");
  }

  void start() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx256m", "-jar", System.getProperty("kursfilm.it.worker.jar")));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    builder.environment().putAll(configuration);
    builder.environment().put("KURSFILM_TRANSCODE_WORK_DIR", work.toString());
    process = builder.start();
    Process started = process;
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
  }

  /** Whether one of its ffmpeg processes is running, i.e. it is transcoding now. */
  boolean transcoding() {
    return process != null
        && process.descendants().anyMatch(p -> p.info().command().orElse("").endsWith("ffmpeg"));
  }

  /** SIGKILL, ffmpeg children included, as when the machine under a worker dies. */
  void kill() throws InterruptedException {
    if (process != null) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      process = null;
    }
  }

  void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
      process = null;
    }
  }
}
