package io.kursfilm.web.drills;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Small helpers for the processes and directories the drills own. */
final class DrillProcesses {

  private DrillProcesses() {}

  /** Runs {@code command} to its end, output to {@code log}; fails unless it exits 0 in time. */
  static void await(ProcessBuilder command, Path log, Duration limit) throws Exception {
    Process p = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new IOException(command.command() + " did not finish; see " + log);
    }
    if (p.exitValue() != 0) {
      throw new IOException(command.command() + " exited " + p.exitValue() + "; see " + log);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  /** Regular files under {@code root}, 0 when it does not exist. */
  static long filesUnder(Path root) throws IOException {
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).count();
    }
  }
}
