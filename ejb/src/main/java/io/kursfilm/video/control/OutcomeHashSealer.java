package io.kursfilm.video.control;

import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.transcoder.job.Published;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Seals, in one transaction, media hashes that transcode jobs of before V17 reported into the
 * outbox in clear, bound exactly as a job of now seals them (the version's {@code media_sha256}),
 * so the outcome is applied the same way. Only rows in clear are picked.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutcomeHashSealer {

  @Inject OutcomeRows rows;
  @Inject FieldCipher cipher;

  /** Seals up to {@code limit} reported hashes of {@code tenantId}; returns how many. */
  public int sealBatch(String tenantId, int limit) {
    int sealed = 0;
    for (OutcomeRows.PlaintextHash row : rows.plaintextHashes(tenantId, limit)) {
      rows.sealHash(
          row.id(),
          cipher.encrypt(
              tenantId,
              new FieldCipher.Row(Published.HASH_TABLE, row.versionId()),
              Published.HASH_COLUMN,
              row.hash()));
      sealed++;
    }
    return sealed;
  }
}
