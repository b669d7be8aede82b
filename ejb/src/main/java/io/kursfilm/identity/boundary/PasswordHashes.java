package io.kursfilm.identity.boundary;

import io.kursfilm.identity.control.PasswordHasher;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * The one password hashing of the platform (PBKDF2, as for user passwords) for components that
 * protect something of their own with a password (guest links). Verification spends the same work
 * whether or not a hash is stored.
 */
@Dependent
public class PasswordHashes {

  @Inject PasswordHasher hasher;

  public String hash(char[] password) {
    return hasher.hash(password);
  }

  public boolean verify(char[] password, String storedHash) {
    return hasher.verify(password, storedHash);
  }
}
