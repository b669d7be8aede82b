package io.kursfilm.storage.sealed;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The receipt of one sealed object, for the caller's database row: where it lies, its data key
 * wrapped by the tenant's KEK (useless without that KEK, so it may sit in the database) and the
 * ciphertext header, so that a range can be read with a single GET ({@link
 * SealedObjects#openRange(SealedObject, long, long)}).
 *
 * @param tenantId tenant whose bucket and KEK hold it
 * @param objectId the caller's id; bound into the ciphertext as associated data
 * @param key object key inside the tenant's bucket
 * @param wrappedDek the data key encrypted under the tenant's KEK (a Tink encrypted keyset)
 * @param header the first 40 stored bytes (header length, HKDF salt, nonce prefix); not secret, and
 *     a tampered copy only makes decryption fail
 * @param ciphertextSize bytes stored
 * @param plaintextSize bytes the caller handed in
 */
public record SealedObject(
    String tenantId,
    String objectId,
    String key,
    byte[] wrappedDek,
    byte[] header,
    long ciphertextSize,
    long plaintextSize) {

  public SealedObject {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(objectId, "objectId");
    Objects.requireNonNull(key, "key");
    wrappedDek = wrappedDek.clone();
    header = header.clone();
  }

  @Override
  public byte[] wrappedDek() {
    return wrappedDek.clone();
  }

  @Override
  public byte[] header() {
    return header.clone();
  }

  /** The wrapped data key as base64, as stored in the object's metadata. */
  public String wrappedDekBase64() {
    return Base64.getEncoder().encodeToString(wrappedDek);
  }

  /** The ciphertext header as base64, as stored in the object's metadata. */
  public String headerBase64() {
    return Base64.getEncoder().encodeToString(header);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SealedObject that
        && tenantId.equals(that.tenantId)
        && objectId.equals(that.objectId)
        && key.equals(that.key)
        && Arrays.equals(wrappedDek, that.wrappedDek)
        && Arrays.equals(header, that.header)
        && ciphertextSize == that.ciphertextSize
        && plaintextSize == that.plaintextSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, objectId, key, Arrays.hashCode(wrappedDek), ciphertextSize);
  }

  /** Leaves the wrapped key and header out: no secrets, but logs have no use for them. */
  @Override
  public String toString() {
    return "SealedObject[tenantId=%s, objectId=%s, key=%s, ciphertextSize=%d, plaintextSize=%d]"
        .formatted(tenantId, objectId, key, ciphertextSize, plaintextSize);
  }
}
