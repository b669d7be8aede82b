package io.kursfilm.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.Collections;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped defaults are the safe ones; local runs and tests switch them explicitly
 * (infra/run-local, web/pom.xml).
 */
class SafeDefaultsTest {

  private static final Properties DEFAULTS = new Properties();

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in =
        SafeDefaultsTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
      DEFAULTS.load(in);
    }
  }

  @Test
  void the_app_reads_one_defaults_file_the_one_the_transcode_worker_reads() throws Exception {
    var files =
        Collections.list(
            SafeDefaultsTest.class
                .getClassLoader()
                .getResources("META-INF/microprofile-config.properties"));
    assertEquals(1, files.size(), "exactly one defaults file: " + files);
    assertEquals(true, files.get(0).toString().contains("transcoder"), files.get(0).toString());
  }

  @Test
  void a_missing_master_key_is_never_created_silently() {
    assertEquals("false", DEFAULTS.getProperty("kursfilm.keystore.create-master"));
  }

  @Test
  void session_cookies_are_secure_unless_switched_off() {
    assertEquals("true", DEFAULTS.getProperty("kursfilm.http.secure-cookies"));
  }
}
