package io.kursfilm.storage.shred;

import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.storage.keys.KeyStoreBackup;
import io.kursfilm.storage.keys.TenantKeys;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.sealed.CiphertextCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Crypto-shreds a tenant. The key goes first: from that moment every copy of the tenant's data,
 * wherever it is (object store, database, their backups), is ciphertext without a key. Deleting the
 * objects and incomplete uploads afterwards is hygiene, and safe to repeat if it fails half-way:
 * shredding a tenant whose key is already gone just finishes the clean-up.
 */
public class Shredder {

  private static final Logger LOG = Logger.getLogger(Shredder.class.getName());

  private final TenantKeys keys;
  private final KeyStoreBackup backup;
  private final ObjectStore objects;
  private final FieldCipher fieldCipher;
  private final CiphertextCache ciphertexts;
  private final Clock clock;

  public Shredder(
      TenantKeys keys,
      KeyStoreBackup backup,
      ObjectStore objects,
      FieldCipher fieldCipher,
      CiphertextCache ciphertexts,
      Clock clock) {
    this.keys = keys;
    this.backup = backup;
    this.objects = objects;
    this.fieldCipher = fieldCipher;
    this.ciphertexts = ciphertexts;
    this.clock = clock;
  }

  /** Destroys the tenant's keys, then deletes its objects; returns the proof. */
  public ShredCertificate shred(String tenantId) {
    List<String> keyIds = keyIds(tenantId);
    Instant destroyedAt = destroyKeys(tenantId);
    ObjectsDeleted gone = deleteObjects(tenantId);
    return new ShredCertificate(
        tenantId,
        destroyedAt,
        keyIds,
        gone.objects(),
        gone.incompleteUploads(),
        backup.keyGoneFromBackupsAfter(destroyedAt));
  }

  /**
   * The ids of the tenant's keys while they exist, else none; read before {@link #destroyKeys} so
   * the certificate can name them. Never creates a key.
   */
  public List<String> keyIds(String tenantId) {
    return keys.exists(tenantId) ? keys.keyIds(tenantId) : List.of();
  }

  /**
   * Step one of a shred, the one that matters: destroys the tenant's keys in the key store and
   * every cache of this process. Repeatable: with the keys already gone it changes nothing (and
   * never creates one). Returns when it happened.
   */
  public Instant destroyKeys(String tenantId) {
    if (keys.exists(tenantId)) {
      keys.destroy(tenantId);
    }
    fieldCipher.evict(tenantId);
    // Unreadable without the keys already; dropped so no byte of the tenant stays behind.
    ciphertexts.evictTenant(tenantId);
    return clock.instant();
  }

  /**
   * Step two, hygiene: aborts incomplete uploads and deletes every object of the tenant (the export
   * included, it lives under the tenant too). Repeatable; counts what this call removed.
   */
  public ObjectsDeleted deleteObjects(String tenantId) {
    int aborted = objects.abortIncompleteUploads(tenantId, "");
    int deleted = objects.deleteByPrefix(tenantId, "");
    LOG.info(
        () ->
            "tenant "
                + tenantId
                + ": "
                + deleted
                + " objects deleted, "
                + aborted
                + " uploads aborted");
    return new ObjectsDeleted(deleted, aborted);
  }

  /** After which instant no key-store backup holds a key destroyed at {@code destroyedAt}. */
  public Instant keyGoneFromBackupsAfter(Instant destroyedAt) {
    return backup.keyGoneFromBackupsAfter(destroyedAt);
  }

  /** How long a key-store backup is kept; the certificate states it. */
  public Duration backupRetention() {
    return backup.retention();
  }

  /** How often the key store is backed up (and old backups pruned); the certificate states it. */
  public Duration backupInterval() {
    return backup.runInterval();
  }

  /**
   * What one {@link #deleteObjects} removed.
   *
   * @param objects objects deleted
   * @param incompleteUploads multipart uploads aborted
   */
  public record ObjectsDeleted(int objects, int incompleteUploads) {}
}
