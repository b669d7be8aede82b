package io.kursfilm.web.testing;

import io.kursfilm.web.ItEnvironment;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Payara Micro running the shipped war for every black-box integration test of the run.
 *
 * <p>Arquillian's Payara Micro adapter starts a new server for each test class, about 40 s each,
 * which was half of CI. The black-box tests only talk HTTP to the app and already share its
 * database, key store and S3 endpoint, so they share one server as well: started by the first class
 * that needs it, with the environment failsafe gives this JVM (web/pom.xml), stopped when the JVM
 * ends. Tests that run code inside the container keep Arquillian and run in a failsafe execution of
 * their own ({@code @Tag("in-container")}), before this server exists, because both serve on the
 * reserved port that {@code kursfilm.base-url} names.
 *
 * <p>The server's output goes to {@code target/shared-app.log}, where tests can read it.
 */
public final class SharedApp implements BeforeAllCallback {

  private static final Duration STARTUP = Duration.ofSeconds(240);

  private static Process server;

  /** Where the shared server serves the app; valid before it is started. */
  public static URL base() {
    return ItEnvironment.publicBase();
  }

  /** The server's console output (stdout and stderr). */
  public static Path log() {
    return Path.of(System.getProperty("kursfilm.it.war")).resolveSibling("shared-app.log");
  }

  /** The shared server's process id (for its CPU time and memory under load); started first. */
  public static synchronized long pid() {
    if (server == null) {
      throw new IllegalStateException("the shared app is not started");
    }
    return server.pid();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  private static synchronized void start() throws Exception {
    if (server != null) {
      if (!server.isAlive()) {
        throw new IllegalStateException("the shared app died; see " + log());
      }
      return;
    }
    ItEnvironment.s3();
    Path war = Path.of(System.getProperty("kursfilm.it.war"));
    Path root = war.resolveSibling("shared-app-root");
    Files.createDirectories(root);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(
        List.of(
            "-jar",
            System.getenv("MICRO_JAR"),
            "--deploy",
            war.toString(),
            "--nocluster",
            "--port",
            System.getProperty("kursfilm.it.http.port"),
            "--prebootcommandfile",
            System.getProperty("kursfilm.it.preboot"),
            "--rootdir",
            root.toString()));
    server =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log().toFile())
            .start();
    Process started = server;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started)));
    awaitReady();
  }

  private static void awaitReady() throws Exception {
    URL ready =
        URI.create(
                "http://localhost:" + System.getProperty("kursfilm.it.http.port") + "/health/ready")
            .toURL();
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      if (!server.isAlive()) {
        throw new IllegalStateException("the shared app exited at start-up; see " + log());
      }
      // Payara's health endpoint answers UP before the war is deployed (no checks yet): the app's
      // own login page must answer too.
      if (status(ready) == 200 && status(new URL(base(), "login.xhtml")) == 200) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the shared app was not ready within " + STARTUP);
  }

  private static int status(URL url) {
    try {
      HttpURLConnection connection = (HttpURLConnection) url.openConnection();
      connection.setConnectTimeout(1000);
      connection.setReadTimeout(5000);
      try {
        return connection.getResponseCode();
      } finally {
        connection.disconnect();
      }
    } catch (IOException notYet) {
      return -1;
    }
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
