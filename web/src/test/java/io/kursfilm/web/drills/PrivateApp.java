package io.kursfilm.web.drills;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro of the drills' own, running the shipped war like {@code testing.SharedApp}, but on
 * its own port, database, S3 endpoint, key store and work directory, and restartable and killable.
 * The environment failsafe gives this JVM (web/pom.xml) is the base of its configuration; {@code
 * overrides} point it at the drills' own services and shorten the intervals the drills wait for.
 */
final class PrivateApp {

  private static final Duration STARTUP = Duration.ofSeconds(180);

  private final Path dir;
  private final int port;
  private final Map<String, String> overrides;
  private final List<String> clustering;
  private Process process;
  private int starts;

  /** A single node: no data grid. */
  PrivateApp(Path dir, int port, Map<String, String> overrides) {
    this(dir, port, overrides, List.of("--nocluster"));
  }

  /** A node with the given Payara Micro clustering options (ClusterEnvironment). */
  PrivateApp(Path dir, int port, Map<String, String> overrides, List<String> clustering) {
    this.dir = dir.toAbsolutePath();
    this.port = port;
    this.overrides = overrides;
    this.clustering = clustering;
  }

  int port() {
    return port;
  }

  URL base() {
    return url("kursfilm/");
  }

  URL url(String path) {
    try {
      return URI.create("http://localhost:" + port + "/" + path).toURL();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  Path log() {
    return dir.resolve("app.log");
  }

  /** The server's process, for the drills that kill a child of it (ffmpeg). */
  ProcessHandle handle() {
    return process.toHandle();
  }

  /** Starts the server and waits until the app answers; returns how long that took. */
  synchronized Duration start() throws Exception {
    long t0 = System.nanoTime();
    Path root = Files.createDirectories(dir.resolve("root-" + (++starts)));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(
        List.of(
            "-jar", System.getenv("MICRO_JAR"), "--deploy", System.getProperty("kursfilm.it.war")));
    command.addAll(clustering);
    command.addAll(
        List.of(
            "--port",
            String.valueOf(port),
            "--prebootcommandfile",
            System.getProperty("kursfilm.it.preboot"),
            "--rootdir",
            root.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    builder.environment().putAll(overrides);
    process = builder.start();
    Process started = process;
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    awaitReady();
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  /** SIGKILL: no shutdown hook, no {@code @PreDestroy}, as when a node dies. */
  synchronized void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      process = null;
    }
  }

  synchronized void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      process = null;
    }
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the drill app exited at start-up; see " + log());
      }
      // Payara's health endpoint answers UP before the war is deployed: the login page must too.
      if (status(url("health/ready")) == 200 && status(url("kursfilm/login.xhtml")) == 200) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the drill app was not ready within " + STARTUP);
  }

  static int status(URL url) {
    try {
      HttpURLConnection connection = (HttpURLConnection) url.openConnection();
      connection.setConnectTimeout(1000);
      connection.setReadTimeout(10000);
      try {
        return connection.getResponseCode();
      } finally {
        connection.disconnect();
      }
    } catch (IOException notYet) {
      return -1;
    }
  }
}
