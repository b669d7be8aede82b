package io.kursfilm.platform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code infra/backup} and {@code infra/restore-backup} as an operator would, against the
 * local MariaDB (root on 127.0.0.1:3306), with scratch databases and a scratch data directory.
 */
class BackupScriptIT {

  private static final Path REPO =
      Path.of(System.getProperty("kursfilm.it.repo-root", "..")).toAbsolutePath().normalize();
  private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";
  private static final String KEYSTORE_BACKUP = "keys-20260301T000000000Z";

  @TempDir Path data;
  private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private final String source = "kursfilm_it_backup_src_" + suffix;
  private final String restored = "kursfilm_it_backup_dst_" + suffix;
  private final String canary = "CANARY-" + UUID.randomUUID();

  @BeforeEach
  void sourceDatabaseWithACanary() throws SQLException {
    update("CREATE DATABASE `" + source + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    update("CREATE TABLE `" + source + "`.video (id INT PRIMARY KEY, title VARCHAR(200))");
    update("INSERT INTO `" + source + "`.video VALUES (1, '" + canary + "')");
  }

  @AfterEach
  void dropScratchDatabases() throws SQLException {
    update("DROP DATABASE IF EXISTS `" + source + "`");
    update("DROP DATABASE IF EXISTS `" + restored + "`");
  }

  @Test
  void dump_is_encrypted_and_restores_into_a_scratch_database() throws Exception {
    assertEquals(0, run(List.of("infra/backup"), Map.of()));

    Path dump = single("db-");
    byte[] bytes = Files.readAllBytes(dump);
    assertTrue(
        new String(bytes, 0, 22, StandardCharsets.US_ASCII).startsWith("age-encryption.org/v1"),
        "an age file");
    assertFalse(contains(bytes, canary), "the canary is not in the backup in clear");
    assertEquals("rw-------", mode(dump));
    assertEquals("rw-------", mode(data.resolve("secrets/backup-key")));

    assertEquals(0, run(List.of("infra/restore-backup", dump.toString(), restored), Map.of()));

    assertEquals(canary, title(restored));
  }

  @Test
  void restore_refuses_a_database_that_is_not_empty() throws Exception {
    assertEquals(0, run(List.of("infra/backup"), Map.of()));

    assertNotEquals(
        0, run(List.of("infra/restore-backup", single("db-").toString(), source), Map.of()));
    assertEquals(canary, title(source));
  }

  @Test
  void only_the_backup_key_decrypts_the_dump() throws Exception {
    assertEquals(0, run(List.of("infra/backup"), Map.of()));
    Path otherKey = data.resolve("other-key");
    assertEquals(0, run(List.of("/usr/bin/age-keygen", "-o", otherKey.toString()), Map.of()));

    int exit =
        run(
            List.of("infra/restore-backup", single("db-").toString(), restored),
            Map.of("KURSFILM_BACKUP_KEY", otherKey.toString()));

    assertNotEquals(0, exit);
  }

  @Test
  void newest_key_store_backup_is_copied_encrypted_and_restores_byte_for_byte() throws Exception {
    Path keysets = data.resolve("key-backups").resolve(KEYSTORE_BACKUP).resolve("tenants");
    Files.createDirectories(keysets);
    byte[] keyset = ("{\"wrapped\":\"" + canary + "\"}").getBytes(StandardCharsets.UTF_8);
    Files.write(keysets.resolve("t1.json"), keyset);
    Files.createDirectories(data.resolve("key-backups/keys-20260201T000000000Z/tenants"));

    assertEquals(0, run(List.of("infra/backup"), Map.of()));

    Path archive = single("keys-");
    assertFalse(contains(Files.readAllBytes(archive), canary));
    Path target = data.resolve("restored-keys");
    assertEquals(
        0, run(List.of("infra/restore-backup", archive.toString(), target.toString()), Map.of()));
    try (Stream<Path> entries = Files.list(target)) {
      assertEquals(List.of(target.resolve(KEYSTORE_BACKUP)), entries.toList(), "only the newest");
    }
    assertArrayEquals(
        keyset, Files.readAllBytes(target.resolve(KEYSTORE_BACKUP + "/tenants/t1.json")));
  }

  @Test
  void backups_older_than_the_retention_are_deleted_by_their_stamp() throws Exception {
    Path backups = Files.createDirectories(data.resolve("backups"));
    Path old = Files.writeString(backups.resolve("db-20200101T000000Z.sql.gz.age"), "old");
    Path oldKeys = Files.writeString(backups.resolve("keys-20200101T000000Z.tar.gz.age"), "old");
    Path foreign = Files.writeString(backups.resolve("notes.txt"), "kept");

    assertEquals(0, run(List.of("infra/backup"), Map.of("KURSFILM_BACKUP_RETENTION_DAYS", "7")));

    assertFalse(Files.exists(old));
    assertFalse(Files.exists(oldKeys));
    assertTrue(Files.exists(foreign));
    single("db-"); // the new one stays
  }

  private int run(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(command);
    line.set(0, REPO.resolve(command.get(0)).toString()); // an absolute path stays as it is
    ProcessBuilder builder = new ProcessBuilder(line).directory(REPO.toFile());
    builder.environment().put("KURSFILM_DATA", data.toString());
    builder.environment().put("KURSFILM_DB_NAME", source);
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Path log = data.resolve("script.log");
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("script timed out: " + Files.readString(log));
    }
    System.out.println(Files.readString(log));
    return process.exitValue();
  }

  private Path single(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(data.resolve("backups"))) {
      List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
      assertEquals(1, found.size(), () -> "one " + prefix + " backup: " + found);
      return found.get(0);
    }
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  private static boolean contains(byte[] haystack, String needle) {
    return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
  }

  private static String title(String database) throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + database, "root", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT title FROM video WHERE id = 1")) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  private static void update(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER, "root", "");
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }
}
