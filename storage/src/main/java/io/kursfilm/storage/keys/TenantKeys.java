package io.kursfilm.storage.keys;

import com.google.crypto.tink.Aead;
import java.util.List;

/**
 * The key-encryption keys of tenants. Implementations keep them outside the main database and the
 * object store (a local key store, a cloud KMS, Vault), so that {@link #destroy} is final.
 */
public interface TenantKeys {

  /** Creates the tenant's KEK; fails if it already exists. Returns the id of the new key. */
  String create(String tenantId);

  /** Whether the tenant has a KEK. */
  boolean exists(String tenantId);

  /** The tenant's KEK as an AEAD primitive; fails when the key is missing or destroyed. */
  Aead kek(String tenantId);

  /**
   * Adds a new key to the tenant's KEK keyset and makes it primary: new ciphertexts use it, while
   * the older keys stay so that data wrapped before still opens. Returns the id of the new key.
   */
  String rotate(String tenantId);

  /**
   * The ids of every key in the tenant's KEK keyset, primary or not, as unsigned decimal strings
   * (the form {@link #create} and {@link #rotate} return), followed by the URI of the tenant's own
   * KMS key when one wraps the keyset; the shred certificate lists them.
   */
  List<String> keyIds(String tenantId);

  /**
   * Irrevocably removes the tenant's KEK from this store and from every in-memory cache, and
   * deletes the tenant's own KMS key, if any.
   */
  void destroy(String tenantId);

  /**
   * Drops whatever this process keeps of the tenant's KEK in memory, without touching the key: the
   * next use reads it again. For a change made by another node (a shred there), so no unwrapped
   * copy outlives it here.
   */
  default void forget(String tenantId) {}

  /**
   * Verifies that the store can be used (master key loads, storage writable).
   *
   * @throws KeyStoreException when it cannot
   */
  void check();
}
