package io.kursfilm.web.drills;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of the drills' own: its own data directory, socket and port under {@code
 * target/}, so stopping it hurts nobody else's tests. Created with {@code mariadb-install-db},
 * started as root ({@code --user=root}, as CI runs) and without the machine's option files.
 */
final class PrivateMariaDb {

  static final String DATABASE = "kursfilm_drill";
  static final String USER = "kursfilm_drill";
  static final String PASSWORD = "kursfilm-drill-password";
  static final String OWNER = "kursfilm_drill_owner";
  static final String OWNER_PASSWORD = "kursfilm-drill-owner-password";

  private final Path dir;
  private final int port;
  private Process process;

  PrivateMariaDb(Path dir, int port) {
    this.dir = dir.toAbsolutePath();
    this.port = port;
  }

  int port() {
    return port;
  }

  String url() {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
  }

  /** A fresh data directory with the app's database, account and schema owner. */
  void create() throws Exception {
    DrillProcesses.deleteTree(dir);
    Files.createDirectories(dir);
    run(
        List.of(
            "mariadb-install-db",
            "--no-defaults",
            "--user=root",
            "--datadir=" + dir.resolve("data"),
            "--auth-root-authentication-method=socket",
            "--skip-test-db"),
        dir.resolve("install.log"));
    start();
    String sql =
        String.join(
            "\n",
            "CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;",
            account(USER, PASSWORD, ""),
            account(OWNER, OWNER_PASSWORD, " WITH GRANT OPTION"));
    Files.writeString(dir.resolve("create.sql"), sql);
    ProcessBuilder client =
        new ProcessBuilder(
                "mariadb", "--no-defaults", "--socket=" + socket(), "--user=root", "--batch")
            .redirectInput(dir.resolve("create.sql").toFile());
    DrillProcesses.await(client, dir.resolve("create.log"), Duration.ofSeconds(30));
  }

  private static String account(String user, String password, String grantOption) {
    StringBuilder s = new StringBuilder();
    for (String host : List.of("127.0.0.1", "localhost")) {
      String who = "'" + user + "'@'" + host + "'";
      s.append("CREATE USER ")
          .append(who)
          .append(" IDENTIFIED BY '")
          .append(password)
          .append("';\n");
      s.append("GRANT ALL ON ")
          .append(DATABASE)
          .append(".* TO ")
          .append(who)
          .append(grantOption)
          .append(";\n");
    }
    return s.toString();
  }

  synchronized void start() throws IOException, InterruptedException {
    process =
        new ProcessBuilder(
                "mariadbd",
                "--no-defaults",
                "--user=root",
                "--datadir=" + dir.resolve("data"),
                "--socket=" + socket(),
                "--pid-file=" + dir.resolve("mariadbd.pid"),
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--skip-log-bin",
                "--innodb-buffer-pool-size=64M",
                "--max-connections=200")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mariadbd.log").toFile()))
            .start();
    awaitPort(Duration.ofSeconds(60));
  }

  /** A clean shutdown (SIGTERM), as an administrator restarting the server does. */
  synchronized void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      process = null;
    }
  }

  private Path socket() {
    return dir.resolve("mariadbd.sock");
  }

  private void awaitPort(Duration limit) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("mariadbd exited with " + process.exitValue() + "; see " + dir);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IOException("mariadbd did not open port " + port);
  }

  private static void run(List<String> command, Path log) throws Exception {
    DrillProcesses.await(new ProcessBuilder(command), log, Duration.ofSeconds(120));
  }
}
