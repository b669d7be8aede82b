package io.kursfilm.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes and verifies passwords with Jakarta Security's PBKDF2. Verification against an unknown
 * user still spends the same work, so response times do not reveal which accounts exist.
 */
@ApplicationScoped
public class PasswordHasher {

  @Inject Pbkdf2PasswordHash pbkdf2;

  @Inject
  @ConfigProperty(name = "kursfilm.password.pbkdf2-iterations")
  int iterations;

  private String decoy;

  @PostConstruct
  void init() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    decoy = pbkdf2.generate("decoy-password-never-matches".toCharArray());
  }

  public String hash(char[] password) {
    return pbkdf2.generate(password);
  }

  /** Constant-work verification; {@code storedHash} may be null for unknown users. */
  public boolean verify(char[] password, String storedHash) {
    if (storedHash == null) {
      pbkdf2.verify(password, decoy);
      return false;
    }
    return pbkdf2.verify(password, storedHash);
  }
}
