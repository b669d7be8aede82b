package io.kursfilm.storage.keys.kms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.Aead;
import io.kursfilm.storage.testing.FakeVault;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VaultTransitAeadTest {

  private static final String TOKEN = "s.test-token-not-secret";
  private static final byte[] AD = "kursfilm-kek|t1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SECRET = "tenant keyset bytes".getBytes(StandardCharsets.UTF_8);

  private FakeVault vault;

  @BeforeEach
  void startVault() throws Exception {
    vault = new FakeVault("transit", "kursfilm-master", TOKEN);
  }

  @AfterEach
  void stopVault() {
    vault.close();
  }

  private Aead aead(String token) {
    return new VaultTransitAead(
        vault.address(),
        "transit",
        "kursfilm-master",
        token,
        Optional.empty(),
        Duration.ofSeconds(5));
  }

  @Test
  void round_trip_through_vault() throws Exception {
    Aead aead = aead(TOKEN);

    byte[] sealed = aead.encrypt(SECRET, AD);

    assertTrue(new String(sealed, StandardCharsets.US_ASCII).startsWith("vault:v1:"));
    assertArrayEquals(SECRET, aead.decrypt(sealed, AD));
  }

  @Test
  void wrong_token_fails_without_revealing_it() throws Exception {
    byte[] sealed = aead(TOKEN).encrypt(SECRET, AD);

    GeneralSecurityException e =
        assertThrows(GeneralSecurityException.class, () -> aead("s.wrong").decrypt(sealed, AD));

    assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
    assertFalse(e.getMessage().contains("s.wrong"));
    assertThrows(GeneralSecurityException.class, () -> aead("s.wrong").encrypt(SECRET, AD));
  }

  @Test
  void tampered_ciphertext_fails() throws Exception {
    Aead aead = aead(TOKEN);
    byte[] sealed = aead.encrypt(SECRET, AD);
    int last = sealed.length - 3; // inside the base64 body, before any '=' padding
    sealed[last] = (byte) (sealed[last] == 'A' ? 'B' : 'A');

    GeneralSecurityException e =
        assertThrows(GeneralSecurityException.class, () -> aead.decrypt(sealed, AD));
    assertTrue(e.getMessage().contains("HTTP 400"), e.getMessage());
  }

  @Test
  void other_associated_data_fails() throws Exception {
    Aead aead = aead(TOKEN);
    byte[] sealed = aead.encrypt(SECRET, AD);

    assertThrows(
        GeneralSecurityException.class,
        () -> aead.decrypt(sealed, "kursfilm-kek|t2".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void garbage_is_refused_before_calling_vault() {
    GeneralSecurityException e =
        assertThrows(
            GeneralSecurityException.class,
            () -> aead(TOKEN).decrypt("not vault".getBytes(StandardCharsets.UTF_8), AD));
    assertTrue(e.getMessage().contains("not a Vault Transit ciphertext"));
  }

  @Test
  void empty_associated_data_is_refused() {
    assertThrows(GeneralSecurityException.class, () -> aead(TOKEN).encrypt(SECRET, new byte[0]));
  }

  @Test
  void server_down_fails_with_a_clear_message() {
    Aead aead = aead(TOKEN);
    vault.close();

    GeneralSecurityException e =
        assertThrows(GeneralSecurityException.class, () -> aead.encrypt(SECRET, AD));

    assertTrue(e.getMessage().contains("cannot reach Vault at 127.0.0.1:"), e.getMessage());
    assertFalse(e.getMessage().contains(TOKEN));
  }

  @Test
  void to_string_names_the_key_not_the_token() {
    String text = aead(TOKEN).toString();
    assertTrue(text.contains("transit/kursfilm-master"));
    assertFalse(text.contains(TOKEN));
  }

  @Test
  void non_http_address_is_rejected() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new VaultTransitAead(
                URI.create("ftp://vault"),
                "transit",
                "k",
                TOKEN,
                Optional.empty(),
                Duration.ofSeconds(1)));
  }
}
