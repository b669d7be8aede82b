package io.kursfilm.identity.control;

/**
 * Who the identity provider says signed in, taken from a validated ID token: its e-mail address and
 * whether the provider vouches that the address belongs to that person.
 */
public record ProviderIdentity(String email, boolean emailVerified) {

  /**
   * The address to match, if it may be trusted: verified by the provider or the provider trusted.
   */
  public java.util.Optional<String> trustedEmail(boolean trustProvider) {
    if (email == null || email.isBlank() || !(emailVerified || trustProvider)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(email);
  }

  @Override
  public String toString() {
    return "ProviderIdentity[email hidden, verified=" + emailVerified + "]";
  }
}
