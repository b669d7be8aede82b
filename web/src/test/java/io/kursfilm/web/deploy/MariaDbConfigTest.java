package io.kursfilm.web.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The primary's and the replica's server options ({@code infra/deploy/mariadb/*.cnf}, the same text
 * as the ConfigMap) are options the MariaDB server knows: the installed {@code mariadbd} reads them
 * with {@code --help}, which starts nothing and refuses an unknown variable.
 */
class MariaDbConfigTest {

  private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");

  @Test
  void primary_and_replica_options_are_known_to_the_server() throws IOException {
    for (String file : new String[] {"primary.cnf", "replica.cnf"}) {
      Path cnf = DeployFiles.DEPLOY.resolve("mariadb").resolve(file);
      Run run = readOptions(cnf);
      assertEquals(0, run.exitCode(), file + ": " + run.output());
    }
  }

  @Test
  void a_misspelt_option_is_refused(@TempDir Path dir) throws IOException {
    Path cnf = dir.resolve("primary.cnf");
    Files.writeString(
        cnf,
        Files.readString(DeployFiles.DEPLOY.resolve("mariadb/primary.cnf"))
            .replace("gtid_strict_mode", "gtid_strickt_mode"));
    Run run = readOptions(cnf);
    assertNotEquals(0, run.exitCode());
    assertTrue(run.output().contains("gtid_strickt_mode"), run.output());
  }

  private record Run(int exitCode, String output) {}

  private static Run readOptions(Path cnf) throws IOException {
    assertTrue(Files.isExecutable(MARIADBD), "mariadbd missing (infra/lib/common.sh installs it)");
    Process process =
        new ProcessBuilder(MARIADBD.toString(), "--defaults-file=" + cnf, "--verbose", "--help")
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("mariadbd --help did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    // Only the error lines: --help prints every option's description, "error" among them.
    String errors =
        output.lines().filter(l -> l.contains("[ERROR]")).reduce("", (a, b) -> a + b + "\n");
    return new Run(process.exitValue(), errors);
  }
}
