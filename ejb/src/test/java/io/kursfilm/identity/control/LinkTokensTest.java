package io.kursfilm.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

  @Test
  void tokens_carry_256_bits_in_43_url_safe_characters_and_differ() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = LinkTokens.newToken();
      assertTrue(LinkTokens.looksValid(token), token);
      assertTrue(seen.add(token));
    }
  }

  @Test
  void hash_is_hex_sha256_and_never_the_token() {
    String token = LinkTokens.newToken();
    String hash = LinkTokens.hash(token);
    assertEquals(64, hash.length());
    assertTrue(hash.matches("[0-9a-f]{64}"));
    assertEquals(hash, LinkTokens.hash(token));
    assertFalse(hash.contains(token));
    // FIPS 180-2 test vector.
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", LinkTokens.hash("abc"));
  }

  @Test
  void tampered_token_hashes_differently() {
    String token = LinkTokens.newToken();
    char last = token.charAt(42);
    String tampered = token.substring(0, 42) + (last == 'A' ? 'B' : 'A');
    assertNotEquals(LinkTokens.hash(token), LinkTokens.hash(tampered));
  }

  @Test
  void malformed_tokens_are_refused_before_any_lookup() {
    assertFalse(LinkTokens.looksValid(null));
    assertFalse(LinkTokens.looksValid(""));
    assertFalse(LinkTokens.looksValid("short"));
    assertFalse(LinkTokens.looksValid("a".repeat(42) + "="));
    assertFalse(LinkTokens.looksValid("a".repeat(44)));
    assertFalse(LinkTokens.looksValid("a".repeat(41) + "' "));
  }
}
