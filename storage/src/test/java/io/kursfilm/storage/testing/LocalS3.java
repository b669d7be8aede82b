package io.kursfilm.storage.testing;

import io.kursfilm.storage.objects.ObjectStoreSettings;
import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 endpoint for tests: the S3Proxy server (filesystem backend) in a child process on
 * loopback. Stoppable and restartable on the same port and data, so tests can watch the app react
 * to an outage. The jar comes from Maven Central via the build (system property {@code
 * kursfilm.s3proxy.jar}).
 */
public final class LocalS3 implements AutoCloseable {

  public static final String ACCESS_KEY = "kursfilm-test";
  public static final String SECRET_KEY = "kursfilm-test-secret";

  private final Path dataDir;
  private final int port;
  private Process process;

  public LocalS3(Path dataDir, int port) {
    this.dataDir = dataDir.toAbsolutePath();
    this.port = port == 0 ? freePort() : port;
  }

  public synchronized LocalS3 start() throws IOException, InterruptedException {
    Path blobs = Files.createDirectories(dataDir.resolve("blobs"));
    Properties props = new Properties();
    props.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
    props.setProperty("s3proxy.authorization", "aws-v2-or-v4");
    props.setProperty("s3proxy.identity", ACCESS_KEY);
    props.setProperty("s3proxy.credential", SECRET_KEY);
    props.setProperty("jclouds.provider", "filesystem-nio2");
    props.setProperty("jclouds.identity", "local");
    props.setProperty("jclouds.credential", "local");
    // An absolute base directory: a relative one silently breaks multipart uploads.
    props.setProperty("jclouds.filesystem.basedir", blobs.toString());
    Path config = dataDir.resolve("s3proxy.properties");
    try (Writer out = Files.newBufferedWriter(config)) {
      props.store(out, "test S3 endpoint");
    }
    String jar = System.getProperty("kursfilm.s3proxy.jar");
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException("system property kursfilm.s3proxy.jar must name the jar");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process =
        new ProcessBuilder(
                List.of(java, "-Xmx256m", "-jar", jar, "--properties", config.toString()))
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("s3proxy.log").toFile())
            .start();
    awaitPort(Duration.ofSeconds(30));
    return this;
  }

  public synchronized void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      process = null;
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Where the endpoint keeps its objects: tests scan it for plaintext. */
  public Path blobDir() {
    return dataDir.resolve("blobs");
  }

  public ObjectStoreSettings settings(String bucketPrefix) {
    return new ObjectStoreSettings(
        endpoint(), ACCESS_KEY, SECRET_KEY, bucketPrefix, Duration.ofSeconds(5));
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private void awaitPort(Duration limit) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("S3Proxy exited with " + process.exitValue());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IOException("S3Proxy did not open port " + port);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
