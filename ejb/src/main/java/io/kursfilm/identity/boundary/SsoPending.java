package io.kursfilm.identity.boundary;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A sign-in at a tenant's identity provider that has been started but not yet come back: the {@code
 * state} that ties the callback to this browser, the {@code nonce} the ID token must carry and the
 * PKCE code verifier. Kept in the HTTP session only (never in the database, never sent to the
 * provider except as the S256 challenge), and used at most once.
 *
 * @param invitation the invitation token when the sign-in accepts an invitation, else null
 */
public record SsoPending(
    String tenantId,
    String tenantSlug,
    String state,
    String nonce,
    String codeVerifier,
    String invitation,
    Instant startedAt)
    implements Serializable {

  /** A new sign-in with fresh random state, nonce (256 bits each) and PKCE verifier. */
  public static SsoPending start(
      String tenantId, String tenantSlug, String invitation, Instant now) {
    return new SsoPending(
        tenantId,
        tenantSlug,
        new State(32).getValue(),
        new Nonce(32).getValue(),
        new CodeVerifier().getValue(),
        invitation,
        now);
  }

  /** Whether a callback's {@code state} is this sign-in's, compared in constant time. */
  public boolean answers(String callbackState) {
    return callbackState != null
        && MessageDigest.isEqual(
            state.getBytes(StandardCharsets.US_ASCII),
            callbackState.getBytes(StandardCharsets.US_ASCII));
  }

  /** A sign-in left unfinished for longer than {@code ttl} is void. */
  public boolean isExpiredAt(Instant now, Duration ttl) {
    return now.isAfter(startedAt.plus(ttl)) || now.isBefore(startedAt.minusSeconds(60));
  }

  public Optional<String> invitationToken() {
    return Optional.ofNullable(invitation);
  }
}
