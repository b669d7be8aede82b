package io.kursfilm.identity.control;

import java.util.Optional;

/**
 * Who the identity provider says signed in, taken from a validated ID token: the issuer and subject
 * that name the person for good, their e-mail address and whether the provider vouches that the
 * address belongs to that person. The address only serves to link an account the first time;
 * afterwards the account is found by issuer and subject.
 */
public record ProviderIdentity(String issuer, String subject, String email, boolean emailVerified) {

  /**
   * The address to match, if it may be trusted: verified by the provider or the provider trusted.
   */
  public Optional<String> trustedEmail(boolean trustProvider) {
    if (email == null || email.isBlank() || !(emailVerified || trustProvider)) {
      return Optional.empty();
    }
    return Optional.of(email);
  }

  /** Whether the token names its subject at all (required by OpenID Connect, checked anyway). */
  public boolean hasSubject() {
    return issuer != null && subject != null && !subject.isBlank();
  }

  @Override
  public String toString() {
    return "ProviderIdentity[subject and email hidden, verified=" + emailVerified + "]";
  }
}
