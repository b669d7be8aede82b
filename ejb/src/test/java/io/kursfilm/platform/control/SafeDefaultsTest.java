package io.kursfilm.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
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
  void a_missing_master_key_is_never_created_silently() {
    assertEquals("false", DEFAULTS.getProperty("kursfilm.keystore.create-master"));
  }

  @Test
  void session_cookies_are_secure_unless_switched_off() {
    assertEquals("true", DEFAULTS.getProperty("kursfilm.http.secure-cookies"));
  }
}
