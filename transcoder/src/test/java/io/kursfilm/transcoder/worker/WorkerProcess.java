package io.kursfilm.transcoder.worker;

import io.kursfilm.storage.testing.LocalS3;
import io.kursfilm.transcoder.job.JobTestbed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The standalone worker jar started as its own process against a testbed, configured through
 * environment variables as in production; its output goes to {@code worker-<name>.log} in {@code
 * dir}.
 */
final class WorkerProcess {

  private WorkerProcess() {}

  static Process start(JobTestbed bed, Path dir, String name) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx256m", "-jar", System.getProperty("kursfilm.it.worker.jar")));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("worker-" + name + ".log").toFile());
    Map<String, String> env = builder.environment();
    env.put("KURSFILM_DB_URL", System.getProperty("kursfilm.it.db.url"));
    env.put("KURSFILM_DB_USER", System.getProperty("kursfilm.it.db.user"));
    env.put("KURSFILM_DB_PASSWORD", System.getProperty("kursfilm.it.db.password"));
    env.put("KURSFILM_S3_ENDPOINT", bed.s3.endpoint().toString());
    env.put("KURSFILM_S3_ACCESS_KEY", LocalS3.ACCESS_KEY);
    env.put("KURSFILM_S3_SECRET_KEY", LocalS3.SECRET_KEY);
    env.put("KURSFILM_KEYSTORE_DIR", dir.resolve("keys").toString());
    env.put("KURSFILM_VIDEO_CHUNK_SIZE", String.valueOf(JobTestbed.CHUNK_SIZE));
    env.put("KURSFILM_TRANSCODE_WORK_DIR", work(dir).toString());
    // The test's temporary directory is on a disk here.
    env.put("KURSFILM_TRANSCODE_ALLOW_DISK_WORK_DIR", "true");
    env.put("KURSFILM_TRANSCODE_POLL", "PT0.5S");
    // Six missed heartbeats mark an execution dead: about 6 s here instead of 3 min.
    env.put("KURSFILM_TRANSCODE_HEARTBEAT", "PT1S");
    return builder.start();
  }

  /** The worker's scratch directory below {@code dir}. */
  static Path work(Path dir) throws Exception {
    return Files.createDirectories(dir.resolve("work"));
  }
}
