package io.kursfilm.transcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.transcoder.job.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commands run through the same {@link ProcessSandbox} as ffmpeg and ffprobe: with the real
 * bubblewrap they cannot read a key directory or another job's directory, and with either kind they
 * see none of the parent's {@code KURSFILM_*} variables (surefire sets {@code
 * KURSFILM_SANDBOX_CANARY} in this JVM's environment, as the app's secrets are in Payara's).
 */
class ProcessSandboxTest {

  record Run(int exit, String output) {}

  // Not under /tmp: the sandbox mounts an empty tmpfs there, which would hide it anyway.
  final Path base = Path.of("target", "sandbox-test").toAbsolutePath();
  Path keys;
  Path job;
  Path otherJob;

  @BeforeEach
  void directories() throws IOException {
    Workspace.delete(base);
    keys = Files.createDirectories(base.resolve("keys"));
    Files.writeString(keys.resolve("master.json"), "master-key-material");
    job = Files.createDirectories(base.resolve("job-1"));
    otherJob = Files.createDirectories(base.resolve("job-2"));
    Files.writeString(otherJob.resolve("seg_00000.m4s"), "another tenant's video");
  }

  @AfterEach
  void clean() throws IOException {
    Workspace.delete(base);
  }

  @Test
  void the_parent_environment_has_the_canary() {
    assertEquals("parent-secret", System.getenv("KURSFILM_SANDBOX_CANARY"));
  }

  @Test
  void bwrap_cannot_read_the_key_directory() throws Exception {
    Run run = run(ProcessSandbox.bwrap(), "/usr/bin/cat", keys.resolve("master.json").toString());

    assertNotEquals(0, run.exit());
    assertFalse(run.output().contains("master-key-material"), run.output());
    assertTrue(run.output().contains("No such file or directory"), run.output());
  }

  @Test
  void bwrap_cannot_see_other_jobs_but_writes_its_own() throws Exception {
    Run other =
        run(ProcessSandbox.bwrap(), "/usr/bin/cat", otherJob.resolve("seg_00000.m4s").toString());
    Run own = run(ProcessSandbox.bwrap(), "/usr/bin/touch", job.resolve("written").toString());
    Run parent = run(ProcessSandbox.bwrap(), "/usr/bin/ls", base.toString());
    Run etc = run(ProcessSandbox.bwrap(), "/usr/bin/ls", "/etc");

    assertNotEquals(0, other.exit());
    assertFalse(other.output().contains("another tenant"));
    assertEquals(0, own.exit(), own.output());
    assertTrue(Files.isRegularFile(job.resolve("written")));
    assertEquals("job-1", parent.output().strip(), "only the path down to its own directory");
    assertEquals("alternatives\nld.so.cache", etc.output().strip(), "no configuration");
  }

  @Test
  void bwrap_sees_no_kursfilm_variable_only_path_lang_and_what_the_run_adds() throws Exception {
    Run run = run(ProcessSandbox.bwrap(), "/usr/bin/env");

    assertEquals(0, run.exit(), run.output());
    assertFalse(run.output().contains("KURSFILM"), run.output());
    assertEquals(
        List.of("LANG=C", "PATH=/usr/bin:/bin", "PWD=" + job, "TMPDIR=" + job),
        run.output().lines().sorted().toList());
  }

  @Test
  void none_still_clears_the_environment() throws Exception {
    Run run = run(ProcessSandbox.none(), "/usr/bin/env");

    assertEquals(0, run.exit(), run.output());
    assertFalse(run.output().contains("KURSFILM"), run.output());
    assertEquals(
        List.of("LANG=C", "PATH=/usr/bin:/bin", "TMPDIR=" + job),
        run.output().lines().sorted().toList());
  }

  @Test
  void ffmpeg_runs_in_bwrap() throws Exception {
    Run run = run(ProcessSandbox.bwrap(), "/usr/bin/ffmpeg", "-hide_banner", "-version");

    assertEquals(0, run.exit(), run.output());
    assertTrue(run.output().startsWith("ffmpeg version"), run.output());
  }

  @Test
  void the_setting_names_a_kind_and_nothing_else() {
    assertEquals(ProcessSandbox.Kind.BWRAP, ProcessSandbox.of("bwrap").kind());
    assertEquals(ProcessSandbox.Kind.NONE, ProcessSandbox.of(" none ").kind());
    assertThrows(IllegalArgumentException.class, () -> ProcessSandbox.of("off"));
    assertThrows(IllegalArgumentException.class, () -> ProcessSandbox.of(""));
  }

  private Run run(ProcessSandbox sandbox, String... command) throws Exception {
    Process process =
        sandbox
            .builder(List.of(command), job, List.of(), Map.of("TMPDIR", job.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    return new Run(process.exitValue(), output);
  }
}
