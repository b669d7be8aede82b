package io.kursfilm.storage.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.storage.keys.LocalKeyStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldCipherTest {

  @TempDir Path dir;
  LocalKeyStore keys;
  FieldCipher cipher;

  @BeforeEach
  void setUp() {
    keys = new LocalKeyStore(dir, true, Duration.ofMinutes(5), Clock.systemUTC());
    keys.create("t1");
    keys.create("t2");
    cipher = new FieldCipher(keys, Duration.ofMinutes(5), Clock.systemUTC());
  }

  @Test
  void round_trip_hides_the_value() {
    String sealed = cipher.encrypt("t1", "email", "anna@example.com");

    assertFalse(sealed.contains("anna"));
    assertEquals("anna@example.com", cipher.decrypt("t1", "email", sealed));
    assertNotEquals(sealed, cipher.encrypt("t1", "email", "anna@example.com"), "randomised");
    assertNull(cipher.encrypt("t1", "email", null));
  }

  @Test
  void value_does_not_open_in_another_tenant_or_field() {
    String sealed = cipher.encrypt("t1", "email", "anna@example.com");

    assertThrows(FieldCipherException.class, () -> cipher.decrypt("t2", "email", sealed));
    assertThrows(FieldCipherException.class, () -> cipher.decrypt("t1", "name", sealed));
  }

  @Test
  void tampered_value_is_rejected() {
    String sealed = cipher.encrypt("t1", "email", "anna@example.com");
    byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
    raw[raw.length - 1] ^= 1;
    String tampered = "f1:" + Base64.getEncoder().encodeToString(raw);

    assertThrows(FieldCipherException.class, () -> cipher.decrypt("t1", "email", tampered));
    assertThrows(FieldCipherException.class, () -> cipher.decrypt("t1", "email", "plain"));
  }

  @Test
  void blind_index_is_stable_per_tenant_and_differs_across_tenants_and_fields() {
    byte[] k1 = cipher.newWrappedIndexKey("t1");
    byte[] k2 = cipher.newWrappedIndexKey("t2");

    String a = cipher.blindIndex("t1", k1, "email", "anna@example.com");

    assertEquals(
        a,
        new FieldCipher(keys, Duration.ofMinutes(5), Clock.systemUTC())
            .blindIndex("t1", k1, "email", "anna@example.com"));
    assertEquals(64, a.length());
    assertNotEquals(a, cipher.blindIndex("t2", k2, "email", "anna@example.com"));
    assertNotEquals(a, cipher.blindIndex("t1", k1, "name", "anna@example.com"));
    assertNotEquals(a, cipher.blindIndex("t1", k1, "email", "anne@example.com"));
  }

  @Test
  void after_the_tenant_key_is_destroyed_nothing_opens() {
    byte[] k1 = cipher.newWrappedIndexKey("t1");
    String sealed = cipher.encrypt("t1", "email", "anna@example.com");

    keys.destroy("t1");
    cipher.evict("t1");

    assertThrows(RuntimeException.class, () -> cipher.decrypt("t1", "email", sealed));
    assertThrows(RuntimeException.class, () -> cipher.blindIndex("t1", k1, "email", "x"));
    assertTrue(keys.exists("t2"));
  }

  @Test
  void a_row_bound_value_opens_only_in_its_own_row_table_field_and_tenant() {
    FieldCipher.Row anna = new FieldCipher.Row("app_user", "u-anna");
    String sealed = cipher.encrypt("t1", anna, "user.display_name", "Anna");

    assertTrue(sealed.startsWith("f2:"), sealed);
    assertTrue(FieldCipher.isRowBound(sealed));
    assertFalse(sealed.contains("Anna"));
    assertEquals("Anna", cipher.decrypt("t1", anna, "user.display_name", sealed));
    FieldCipher.Row bert = new FieldCipher.Row("app_user", "u-bert");
    assertThrows(
        FieldCipherException.class,
        () -> cipher.decrypt("t1", bert, "user.display_name", sealed),
        "copied to another user's row");
    assertThrows(
        FieldCipherException.class,
        () ->
            cipher.decrypt(
                "t1", new FieldCipher.Row("invitation", "u-anna"), "user.display_name", sealed),
        "same id in another table");
    assertThrows(
        FieldCipherException.class, () -> cipher.decrypt("t1", anna, "user.email", sealed));
    assertThrows(
        FieldCipherException.class, () -> cipher.decrypt("t2", anna, "user.display_name", sealed));
    assertThrows(
        FieldCipherException.class,
        () -> cipher.decrypt("t1", "user.display_name", sealed),
        "the row-blind reader refuses a row-bound value");
  }

  @Test
  void row_parts_cannot_be_shifted_into_one_another() {
    String sealed = cipher.encrypt("t1", new FieldCipher.Row("a", "b|c"), "d", "x");

    assertThrows(
        FieldCipherException.class,
        () -> cipher.decrypt("t1", new FieldCipher.Row("a|b", "c"), "d", sealed));
  }

  @Test
  void an_older_value_bound_to_tenant_and_field_still_opens_in_any_row_until_rewritten() {
    String v1 = cipher.encrypt("t1", "user.email", "anna@example.com");

    assertTrue(v1.startsWith("f1:"));
    assertFalse(FieldCipher.isRowBound(v1));
    assertTrue(FieldCipher.isSealed(v1));
    assertFalse(FieldCipher.isSealed("anna@example.com"), "plaintext of before the sealing");
    assertEquals(
        "anna@example.com",
        cipher.decrypt("t1", new FieldCipher.Row("app_user", "u-anna"), "user.email", v1));
    assertThrows(
        FieldCipherException.class,
        () -> cipher.decrypt("t1", new FieldCipher.Row("app_user", "u-anna"), "user.name", v1));
    assertNull(cipher.decrypt("t1", new FieldCipher.Row("app_user", "u-anna"), "user.email", null));
  }
}
