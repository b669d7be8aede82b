package io.kursfilm.storage.sealed;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.crypto.tink.subtle.StreamSegmentDecrypter;
import io.kursfilm.storage.keys.TenantClosedException;
import io.kursfilm.storage.keys.TenantKeys;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

/**
 * Creates per-object data keys and wraps/unwraps them under the tenant's KEK, always with the
 * object's associated data, so a wrapped key moved to another tenant or object id does not unwrap.
 * The KEK is looked up on every call, so a shredded tenant fails here (with {@link
 * io.kursfilm.storage.keys.GatedTenantKeys} on every node within the tenant-state TTL). A data
 * key's parameters fix its ciphertext's segment size, so the layout comes with the unwrapped key.
 * Stateless.
 */
final class DataKeys {

  private DataKeys() {}

  /** A fresh data key: the primitive to encrypt with and its wrapped form to store. */
  record Fresh(StreamingAead aead, byte[] wrapped) {}

  /** An unwrapped data key and the layout of the ciphertext it made. */
  record Opened(StreamingAead aead, CiphertextLayout layout, AesGcmHkdfStreamingKey key) {

    /**
     * A decrypter of single segments of the object with this header and associated data; not
     * thread-safe, so one per thread.
     */
    StreamSegmentDecrypter segmentDecrypter(byte[] header, byte[] associatedData)
        throws GeneralSecurityException {
      StreamSegmentDecrypter decrypter =
          ((AesGcmHkdfStreaming) AesGcmHkdfStreaming.create(key)).newStreamSegmentDecrypter();
      decrypter.init(ByteBuffer.wrap(header), associatedData);
      return decrypter;
    }
  }

  /**
   * AES-256-GCM with HKDF-SHA256 derived 32-byte segment keys, as Tink's {@code
   * AES256_GCM_HKDF_1MB}, in the layout's segment size.
   */
  static AesGcmHkdfStreamingParameters parameters(CiphertextLayout layout) {
    try {
      return AesGcmHkdfStreamingParameters.builder()
          .setKeySizeBytes(32)
          .setDerivedAesGcmKeySizeBytes(32)
          .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
          .setCiphertextSegmentSizeBytes(layout.segmentSize())
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("invalid data key parameters", e);
    }
  }

  static Fresh generate(
      TenantKeys keys, String tenantId, byte[] associatedData, CiphertextLayout layout) {
    try {
      KeysetHandle dek = KeysetHandle.generateNew(parameters(layout));
      byte[] wrapped =
          TinkProtoKeysetFormat.serializeEncryptedKeyset(dek, keys.kek(tenantId), associatedData);
      return new Fresh(primitive(dek), wrapped);
    } catch (TenantClosedException e) {
      throw closed(e);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new SealedObjectException("cannot create data key", e);
    }
  }

  /**
   * @throws SealedObjectException for a wrong KEK, wrong associated data, a tampered wrapped key, a
   *     key of another kind or a shredded tenant; the cause says which layer refused, never with
   *     key bytes
   */
  static Opened unwrap(TenantKeys keys, String tenantId, byte[] wrapped, byte[] associatedData) {
    KeysetHandle dek;
    try {
      dek = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, keys.kek(tenantId), associatedData);
    } catch (TenantClosedException e) {
      throw closed(e);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new SealedObjectException("cannot unwrap data key", e);
    }
    Parameters parameters = dek.getPrimary().getKey().getParameters();
    if (dek.size() != 1
        || !(parameters instanceof AesGcmHkdfStreamingParameters p)
        || !(dek.getPrimary().getKey() instanceof AesGcmHkdfStreamingKey key)
        || p.getDerivedAesGcmKeySizeBytes() != 32) {
      throw new SealedObjectException("data key is not of a sealed object's kind", null);
    }
    try {
      return new Opened(
          primitive(dek), new CiphertextLayout(p.getCiphertextSegmentSizeBytes()), key);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new SealedObjectException("cannot unwrap data key", e);
    }
  }

  /**
   * Still a {@link SealedObjectException} (callers treat an object that does not open alike), but
   * one that says why: the tenant, not the object, is closed.
   */
  private static SealedObjectException closed(TenantClosedException e) {
    return new SealedObjectException("tenant closed: " + e.getMessage(), e);
  }

  private static StreamingAead primitive(KeysetHandle dek) throws GeneralSecurityException {
    return dek.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
  }
}
