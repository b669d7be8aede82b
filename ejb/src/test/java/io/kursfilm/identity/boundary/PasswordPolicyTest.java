package io.kursfilm.identity.boundary;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private final PasswordPolicy policy = new PasswordPolicy();

  private WeakPasswordException.Reason refusal(String password) {
    return assertThrows(WeakPasswordException.class, () -> policy.check(password.toCharArray()))
        .reason();
  }

  @Test
  void shorter_than_12_is_refused() {
    assertEquals(WeakPasswordException.Reason.TOO_SHORT, refusal("k7#Vq2!mZp4"));
    assertEquals(
        WeakPasswordException.Reason.TOO_SHORT,
        assertThrows(WeakPasswordException.class, () -> policy.check(null)).reason());
  }

  @Test
  void longer_than_256_is_refused() {
    assertEquals(WeakPasswordException.Reason.TOO_LONG, refusal("x".repeat(257)));
  }

  @Test
  void common_passwords_are_refused_case_insensitively() {
    assertEquals(WeakPasswordException.Reason.COMMON, refusal("Password2024"));
    assertEquals(WeakPasswordException.Reason.COMMON, refusal("QWERTYUIOP123"));
    assertEquals(WeakPasswordException.Reason.COMMON, refusal("123456789012"));
    assertEquals(WeakPasswordException.Reason.COMMON, refusal("passwortpasswort"));
  }

  @Test
  void long_uncommon_passwords_pass() {
    assertDoesNotThrow(() -> policy.check("correct horse battery staple".toCharArray()));
    assertDoesNotThrow(() -> policy.check("x".repeat(256).toCharArray()));
  }

  @Test
  void the_list_holds_thousands_of_entries() {
    assertTrue(policy.listSize() > 5000, "list size " + policy.listSize());
  }
}
