package io.kursfilm.web.drills;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's nginx in front of the app nodes, on loopback, configured by {@code
 * infra/nginx/local.conf.template} (round robin without stickiness, a dead node skipped, bodies
 * streamed).
 */
final class LoadBalancer {

  private static final String NGINX = "/usr/sbin/nginx";

  private final Path dir;
  private final int port;
  private Process process;

  LoadBalancer(Path dir, int port) {
    this.dir = dir.toAbsolutePath();
    this.port = port;
  }

  URL base() {
    try {
      return URI.create("http://localhost:" + port + "/kursfilm/").toURL();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  void start(List<Integer> nodePorts) throws Exception {
    Files.createDirectories(dir);
    Path conf = dir.resolve("nginx.conf");
    Files.writeString(conf, configuration(nodePorts));
    process =
        new ProcessBuilder(NGINX, "-p", dir.toString(), "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("nginx.out").toFile())
            .start();
    Process started = process;
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (PrivateApp.status(new URL(base(), "login.xhtml")) != 200) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("nginx did not come up; see " + dir);
      }
      Thread.sleep(100);
    }
  }

  /** infra/nginx/local.conf.template, filled in. */
  private String configuration(List<Integer> nodePorts) throws IOException {
    String servers =
        nodePorts.stream()
            .map(p -> "    server 127.0.0.1:" + p + " max_fails=1 fail_timeout=10s;")
            .collect(Collectors.joining("\n"));
    // As root, nginx's workers would otherwise run as nobody, who cannot write below target/.
    String user = "root".equals(System.getProperty("user.name")) ? "user root;" : "";
    return Files.readString(Path.of(System.getProperty("kursfilm.it.nginx.template")))
        .replace("@USER@", user)
        .replace("@DIR@", dir.toString())
        .replace("@SERVERS@", servers)
        .replace("@PORT@", String.valueOf(port));
  }

  void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      process = null;
    }
  }
}
