package io.kursfilm.transcoder.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The worker reads its settings as the app does: defaults from the one shared
 * microprofile-config.properties, overridden by environment variables under MicroProfile Config's
 * mapping (surefire sets {@code KURSFILM_SANDBOX_CANARY}).
 */
class WorkerConfigTest {

  private final Config config = ConfigProvider.getConfig();

  @Test
  void defaults_come_from_the_application_s_one_defaults_file() throws Exception {
    List<URL> files =
        Collections.list(
            getClass().getClassLoader().getResources("META-INF/microprofile-config.properties"));
    assertEquals(1, files.size(), "exactly one defaults file: " + files);
    assertEquals(3, config.getValue("kursfilm.transcode.attempts", Integer.class));
    assertEquals(
        Duration.ofSeconds(30), config.getValue("kursfilm.transcode.heartbeat", Duration.class));
    assertEquals(4L << 30, config.getValue("kursfilm.video.max-upload-bytes", Long.class));
    assertEquals("bwrap", config.getValue("kursfilm.transcode.sandbox", String.class));
  }

  @Test
  void an_empty_default_means_unset() {
    assertEquals(
        Optional.empty(), config.getOptionalValue("kursfilm.keystore.master-uri", String.class));
    assertEquals(
        Optional.empty(), config.getOptionalValue("kursfilm.transcode.work-dir", String.class));
  }

  @Test
  void environment_variables_override_under_the_standard_mapping() {
    assertEquals("parent-secret", config.getValue("kursfilm.sandbox.canary", String.class));
  }
}
