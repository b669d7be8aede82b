package io.kursfilm.storage.keys.kms;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;

/**
 * Each tenant's own key in the KMS that also holds the master key: it wraps that tenant's KEK
 * keyset instead of the shared master, so deleting it at shred makes every copy of the tenant's key
 * file (a snapshot, an old backup) useless, which deleting the file alone does not. Keys are named
 * by URI in the same scheme as the master key, and the key file records the URI. Implementations
 * are thread-safe.
 */
public interface TenantKmsKeys {

  /**
   * Creates the key of {@code tenantId} and returns its URI. Creating a key that exists returns the
   * same key, so a retry after a crash does not orphan one.
   */
  String create(String tenantId) throws GeneralSecurityException;

  /**
   * The AEAD of the key {@code keyUri}, always in the configured KMS (a doctored key file cannot
   * send our credentials elsewhere); fails for a URI that names no tenant key there.
   */
  Aead aead(String keyUri) throws GeneralSecurityException;

  /**
   * Deletes the key {@code keyUri} for good, or schedules that where the KMS only deletes after a
   * waiting period. A key that is already gone is not an error, so a shred can be retried.
   */
  void delete(String keyUri) throws GeneralSecurityException;
}
