package io.kursfilm.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TenantSsoTest {

  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
  private static final String ISSUER = "https://login.example.com/realms/acme";

  @Test
  void issuer_is_an_absolute_url_without_query_fragment_or_credentials() {
    assertEquals(ISSUER, TenantSso.normaliseIssuer(" " + ISSUER + "/ "));
    for (String bad :
        new String[] {
          null,
          "",
          "login.example.com",
          "ftp://login.example.com",
          "https://login.example.com/?a=b",
          "https://login.example.com/#x",
          "https://user:pw@login.example.com/",
          "https://" + "a".repeat(500) + ".example"
        }) {
      assertThrows(IllegalArgumentException.class, () -> TenantSso.normaliseIssuer(bad), bad);
    }
  }

  @Test
  void first_save_needs_a_secret_and_later_saves_keep_it() {
    TenantSso sso = new TenantSso("t1");
    assertThrows(
        IllegalArgumentException.class,
        () -> sso.configure(ISSUER, "client", null, true, false, false, "admin", NOW));

    sso.configure(ISSUER, "client", "f1:sealed", true, false, false, "admin", NOW);
    sso.configure(ISSUER, "client-2", null, true, false, true, "admin", NOW);

    assertEquals("f1:sealed", sso.clientSecretSealed());
    assertEquals("client-2", sso.clientId());
    assertTrue(sso.trustProviderEmail());
  }

  @Test
  void passwords_can_only_be_refused_while_sso_is_on() {
    TenantSso sso = new TenantSso("t1");
    assertThrows(
        IllegalArgumentException.class,
        () -> sso.configure(ISSUER, "client", "f1:s", false, true, false, "admin", NOW));

    sso.configure(ISSUER, "client", "f1:s", true, true, false, "admin", NOW);
    assertTrue(sso.refusesPasswords());
    sso.configure(ISSUER, "client", null, true, false, false, "admin", NOW);
    assertFalse(sso.refusesPasswords());
    assertTrue(sso.isEnabled());
  }

  @Test
  void only_a_fall_back_towards_passwords_counts_as_the_rescue() {
    TenantSso sso = new TenantSso("t1");
    sso.configure(ISSUER, "client", "f1:sealed", true, true, false, "admin", NOW);

    assertTrue(sso.isFallbackOnly(ISSUER, "client", false, true, false, false), "passwords on");
    assertTrue(sso.isFallbackOnly(ISSUER, " client ", false, false, false, false), "SSO off");
    assertTrue(sso.isFallbackOnly(ISSUER, "client", false, true, true, false), "unchanged");
    assertFalse(
        sso.isFallbackOnly("https://evil.example", "client", false, true, false, false),
        "another provider");
    assertFalse(sso.isFallbackOnly(ISSUER, "other", false, true, false, false), "another client");
    assertFalse(sso.isFallbackOnly(ISSUER, "client", true, true, false, false), "a new secret");
    assertFalse(sso.isFallbackOnly(ISSUER, "client", false, true, false, true), "trust turned on");
    assertFalse(sso.isFallbackOnly(ISSUER, null, false, false, false, false), "no client");

    TenantSso off = new TenantSso("t2");
    off.configure(ISSUER, "client", "f1:sealed", false, false, false, "admin", NOW);
    assertFalse(off.isFallbackOnly(ISSUER, "client", false, true, false, false), "SSO turned on");
  }
}
