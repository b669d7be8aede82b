package io.kursfilm.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AppGrantsTest {

  @Test
  void the_audit_log_is_append_only_and_every_other_table_writable() {
    assertEquals("SELECT, INSERT", AppGrants.privileges("audit_entry"));
    assertEquals("SELECT", AppGrants.privileges("flyway_schema_history"));
    assertEquals("SELECT, INSERT, UPDATE, DELETE", AppGrants.privileges("audit_chain"));
    assertEquals("SELECT, INSERT, UPDATE, DELETE", AppGrants.privileges("video"));
  }

  @Test
  void the_grantee_is_quoted_from_current_user_and_anything_odd_is_refused() {
    assertEquals("'kursfilm'@'127.0.0.1'", AppGrants.grantee("kursfilm@127.0.0.1"));
    assertEquals("'kursfilm'@'%'", AppGrants.grantee("kursfilm@%"));
    assertThrows(IllegalArgumentException.class, () -> AppGrants.grantee("x'@'y@localhost"));
    assertThrows(IllegalArgumentException.class, () -> AppGrants.grantee("nobody"));
  }
}
