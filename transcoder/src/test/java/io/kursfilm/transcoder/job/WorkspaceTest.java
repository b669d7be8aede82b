package io.kursfilm.transcoder.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Job directories on the real file systems of this machine: target/ is a disk, /dev/shm a tmpfs.
 */
class WorkspaceTest {

  final Path disk = Path.of("target", "workspace-test").toAbsolutePath();
  Path created;

  @AfterEach
  void clean() {
    Workspace.delete(disk);
    if (created != null) {
      Workspace.delete(created);
    }
  }

  @Test
  void a_work_directory_on_a_disk_is_refused_with_a_clear_error() throws Exception {
    Files.createDirectories(disk);
    String type = Files.getFileStore(disk).type();
    assumeTrue(!type.equals("tmpfs"), "target/ is on a disk here");

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new Workspace(disk).create("v1"));

    assertTrue(e.getMessage().contains("is on " + type + ", not a tmpfs"), e.getMessage());
    assertTrue(e.getMessage().contains("kursfilm.transcode.allow-disk-work-dir"), e.getMessage());
    try (var left = Files.list(disk)) {
      assertEquals(0, left.count(), "no job directory made");
    }
  }

  @Test
  void a_disk_is_accepted_when_explicitly_allowed() throws Exception {
    created = new Workspace(disk, true).create("v1");

    assertTrue(Files.isDirectory(created));
  }

  @Test
  void a_tmpfs_is_accepted() throws Exception {
    Path shm = Path.of("/dev/shm");
    assumeTrue(Files.isWritable(shm) && "tmpfs".equals(Files.getFileStore(shm).type()));

    created = Workspace.standard(false).create("v1");

    assertTrue(created.startsWith(shm), created.toString());
  }
}
