package io.kursfilm.storage.sealed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.storage.testing.LocalS3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2 GiB object sealed and read back in a separate JVM capped at 128 MiB of heap: if sealing or
 * opening buffered the object, or a part, without bound, that JVM would die of OutOfMemoryError.
 */
class LargeObjectIT {

  static final long SIZE = Long.getLong("kursfilm.large-object.bytes", 2L << 30);

  @TempDir Path dir;

  @Test
  void a_2_gib_object_round_trips_in_a_128_mib_heap() throws Exception {
    try (LocalS3 s3 = new LocalS3(dir.resolve("s3"), 0).start()) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String classpath =
          System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      Path log = dir.resolve("round-trip.log");
      Process process =
          new ProcessBuilder(
                  List.of(
                      java,
                      "-Xmx128m",
                      "-XX:+ExitOnOutOfMemoryError",
                      "-cp",
                      classpath,
                      LargeObjectRoundTrip.class.getName(),
                      s3.endpoint().toString(),
                      dir.resolve("keys").toString(),
                      Long.toString(SIZE)))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      boolean exited = process.waitFor(5, TimeUnit.MINUTES);
      if (!exited) {
        process.destroyForcibly().waitFor();
      }
      String output = Files.readString(log);
      System.out.println(output);
      assertTrue(exited, "round trip did not finish in time");
      assertEquals(0, process.exitValue(), output);
      assertTrue(output.startsWith("OK size=" + SIZE), output);
    }
  }
}
