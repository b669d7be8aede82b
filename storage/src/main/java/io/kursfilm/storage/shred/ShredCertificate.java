package io.kursfilm.storage.shred;

import java.time.Instant;
import java.util.List;

/**
 * What a shred did, for the customer who left: which keys were destroyed and when, how many objects
 * were deleted, and the date after which no key-store backup holds the key any more (from then on
 * the shred is complete, backups of database and object store included).
 *
 * @param tenantId the tenant shredded
 * @param keysDestroyedAt when its keys were destroyed in the live key store
 * @param keyIdsDestroyed ids of the destroyed keys (Tink key ids of the tenant keyset)
 * @param objectsDeleted objects deleted from the object store
 * @param incompleteUploadsAborted multipart uploads aborted
 * @param noBackupHoldsKeyAfter after this time no key-store backup holds these keys (destruction +
 *     retention + backup interval, see {@link
 *     io.kursfilm.storage.keys.KeyStoreBackup#keyGoneFromBackupsAfter})
 */
public record ShredCertificate(
    String tenantId,
    Instant keysDestroyedAt,
    List<String> keyIdsDestroyed,
    int objectsDeleted,
    int incompleteUploadsAborted,
    Instant noBackupHoldsKeyAfter) {

  public ShredCertificate {
    keyIdsDestroyed = List.copyOf(keyIdsDestroyed);
  }
}
