package io.kursfilm.storage.shred;

import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.storage.keys.KeyStoreBackup;
import io.kursfilm.storage.keys.TenantKeys;
import io.kursfilm.storage.objects.ObjectStore;
import java.time.Clock;
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
  private final Clock clock;

  public Shredder(
      TenantKeys keys,
      KeyStoreBackup backup,
      ObjectStore objects,
      FieldCipher fieldCipher,
      Clock clock) {
    this.keys = keys;
    this.backup = backup;
    this.objects = objects;
    this.fieldCipher = fieldCipher;
    this.clock = clock;
  }

  /** Destroys the tenant's keys, then deletes its objects; returns the proof. */
  public ShredCertificate shred(String tenantId) {
    List<String> keyIds = keys.exists(tenantId) ? keys.keyIds(tenantId) : List.of();
    keys.destroy(tenantId);
    fieldCipher.evict(tenantId);
    Instant destroyedAt = clock.instant();
    int aborted = objects.abortIncompleteUploads(tenantId, "");
    int deleted = objects.deleteByPrefix(tenantId, "");
    LOG.info(
        () ->
            "tenant "
                + tenantId
                + " shredded: "
                + keyIds.size()
                + " keys destroyed, "
                + deleted
                + " objects deleted");
    return new ShredCertificate(
        tenantId,
        destroyedAt,
        keyIds,
        deleted,
        aborted,
        backup.keyGoneFromBackupsAfter(destroyedAt));
  }
}
