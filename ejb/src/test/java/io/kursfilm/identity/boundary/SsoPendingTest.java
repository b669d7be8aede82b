package io.kursfilm.identity.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.kursfilm.identity.control.ProviderIdentity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SsoPendingTest {

  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

  @Test
  void every_sign_in_gets_fresh_unguessable_state_nonce_and_verifier() {
    SsoPending a = SsoPending.start("t1", "demo", null, NOW);
    SsoPending b = SsoPending.start("t1", "demo", null, NOW);

    assertNotEquals(a.state(), b.state());
    assertNotEquals(a.nonce(), b.nonce());
    assertNotEquals(a.codeVerifier(), b.codeVerifier());
    // 32 random bytes, base64url: 43 characters.
    assertEquals(43, a.state().length());
    assertEquals(43, a.nonce().length());
    // RFC 7636: 43-128 characters of the unreserved set.
    assertTrue(a.codeVerifier().matches("[A-Za-z0-9._~-]{43,128}"), a.codeVerifier());
  }

  @Test
  void only_the_exact_state_answers_the_sign_in() {
    SsoPending pending = SsoPending.start("t1", "demo", null, NOW);

    assertTrue(pending.answers(pending.state()));
    assertFalse(pending.answers(null));
    assertFalse(pending.answers(""));
    assertFalse(pending.answers(pending.state().substring(1)));
    assertFalse(pending.answers(SsoPending.start("t1", "demo", null, NOW).state()));
  }

  @Test
  void s256_challenge_is_the_hash_of_the_verifier() throws Exception {
    SsoPending pending = SsoPending.start("t1", "demo", null, NOW);

    String challenge =
        CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(pending.codeVerifier()))
            .getValue();

    byte[] sha =
        MessageDigest.getInstance("SHA-256")
            .digest(pending.codeVerifier().getBytes(StandardCharsets.US_ASCII));
    assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(sha), challenge);
  }

  @Test
  void a_sign_in_expires_after_the_timeout_and_rejects_a_clock_far_behind() {
    SsoPending pending = SsoPending.start("t1", "demo", null, NOW);
    Duration ttl = Duration.ofMinutes(10);

    assertFalse(pending.isExpiredAt(NOW.plus(ttl), ttl));
    assertTrue(pending.isExpiredAt(NOW.plus(ttl).plusSeconds(1), ttl));
    assertTrue(pending.isExpiredAt(NOW.minusSeconds(120), ttl));
  }

  @Test
  void survives_session_serialisation_with_its_invitation() throws Exception {
    SsoPending pending = SsoPending.start("t1", "demo", "invitation-token", NOW);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(pending);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      SsoPending back = (SsoPending) in.readObject();
      assertEquals(pending, back);
      assertEquals(Optional.of("invitation-token"), back.invitationToken());
    }
  }

  private static final String ISS = "https://idp.example/demo";

  @Test
  void provider_email_counts_only_when_verified_or_the_provider_is_trusted() {
    assertEquals(
        Optional.of("a@demo.example"),
        new ProviderIdentity(ISS, "sub-1", "a@demo.example", true).trustedEmail(false));
    assertEquals(
        Optional.empty(),
        new ProviderIdentity(ISS, "sub-1", "a@demo.example", false).trustedEmail(false));
    assertEquals(
        Optional.of("a@demo.example"),
        new ProviderIdentity(ISS, "sub-1", "a@demo.example", false).trustedEmail(true));
    assertEquals(
        Optional.empty(), new ProviderIdentity(ISS, "sub-1", null, true).trustedEmail(true));
    String shown = new ProviderIdentity(ISS, "sub-1", "a@demo.example", true).toString();
    assertFalse(shown.contains("@") || shown.contains("sub-1"), shown);
  }

  @Test
  void a_token_without_subject_names_nobody() {
    assertTrue(new ProviderIdentity(ISS, "sub-1", "a@demo.example", true).hasSubject());
    assertFalse(new ProviderIdentity(ISS, " ", "a@demo.example", true).hasSubject());
    assertFalse(new ProviderIdentity(ISS, null, "a@demo.example", true).hasSubject());
  }
}
