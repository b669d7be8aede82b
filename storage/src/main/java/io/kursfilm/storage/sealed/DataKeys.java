package io.kursfilm.storage.sealed;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import io.kursfilm.storage.keys.TenantKeys;
import java.security.GeneralSecurityException;

/**
 * Creates per-object data keys and wraps/unwraps them under the tenant's KEK, always with the
 * object's associated data, so a wrapped key moved to another tenant or object id does not unwrap.
 * The KEK is looked up on every call, so a shredded tenant fails here. Stateless.
 */
final class DataKeys {

  private DataKeys() {}

  /** A fresh data key: the primitive to encrypt with and its wrapped form to store. */
  record Fresh(StreamingAead aead, byte[] wrapped) {}

  static Fresh generate(TenantKeys keys, String tenantId, byte[] associatedData) {
    try {
      KeysetHandle dek =
          KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
      byte[] wrapped =
          TinkProtoKeysetFormat.serializeEncryptedKeyset(dek, keys.kek(tenantId), associatedData);
      return new Fresh(primitive(dek), wrapped);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new SealedObjectException("cannot create data key", e);
    }
  }

  /**
   * @throws SealedObjectException for a wrong KEK, wrong associated data, a tampered wrapped key or
   *     a shredded tenant; the cause says which layer refused, never with key bytes
   */
  static StreamingAead unwrap(
      TenantKeys keys, String tenantId, byte[] wrapped, byte[] associatedData) {
    try {
      return primitive(
          TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, keys.kek(tenantId), associatedData));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new SealedObjectException("cannot unwrap data key", e);
    }
  }

  private static StreamingAead primitive(KeysetHandle dek) throws GeneralSecurityException {
    return dek.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
  }
}
