package io.kursfilm.storage.field;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import io.kursfilm.storage.keys.TenantKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Encrypts personal values (names, e-mails, quiz answers) for storage in the database, and computes
 * blind indexes for finding them by exact value.
 *
 * <p>Values are sealed with the tenant's KEK as AEAD, bound to {@code tenantId|field}, so a value
 * copied into another tenant's row or another column does not decrypt. The blind index is an
 * HMAC-SHA256 under a per-tenant index key; that key is itself stored wrapped by the KEK (the
 * caller keeps the wrapped bytes, e.g. in the tenant row), so destroying the KEK also makes every
 * index meaningless. Unwrapped index keys are cached until {@link #evict}.
 */
public class FieldCipher {

  private static final String PREFIX = "f1:";

  private final TenantKeys keys;
  private final Map<String, Mac> indexKeys = new ConcurrentHashMap<>();

  public FieldCipher(TenantKeys keys) {
    this.keys = keys;
    try {
      MacConfig.register();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink MAC unavailable", e);
    }
  }

  /** Seals {@code value} for {@code field} of {@code tenantId}; null stays null. */
  public String encrypt(String tenantId, String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      byte[] sealed =
          keys.kek(tenantId)
              .encrypt(value.getBytes(StandardCharsets.UTF_8), associatedData(tenantId, field));
      return PREFIX + Base64.getEncoder().encodeToString(sealed);
    } catch (GeneralSecurityException e) {
      throw new FieldCipherException("cannot encrypt field " + field, e);
    }
  }

  /**
   * Opens a value sealed by {@link #encrypt}; fails for another tenant, field or a tampered one.
   */
  public String decrypt(String tenantId, String field, String stored) {
    if (stored == null) {
      return null;
    }
    if (!stored.startsWith(PREFIX)) {
      throw new FieldCipherException("field " + field + " is not encrypted", null);
    }
    try {
      byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Aead kek = keys.kek(tenantId);
      return new String(
          kek.decrypt(sealed, associatedData(tenantId, field)), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new FieldCipherException("cannot decrypt field " + field, e);
    }
  }

  /** A fresh index key for a new tenant, wrapped by its KEK, for the caller to store. */
  public byte[] newWrappedIndexKey(String tenantId) {
    try {
      KeysetHandle handle = KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG);
      return TinkProtoKeysetFormat.serializeEncryptedKeyset(
          handle, keys.kek(tenantId), indexAssociatedData(tenantId));
    } catch (GeneralSecurityException e) {
      throw new FieldCipherException("cannot create index key", e);
    }
  }

  /**
   * The blind index of {@code value} in {@code field}: equal values give equal indexes within one
   * tenant and field, and nothing else can be learnt from it without the key.
   */
  public String blindIndex(String tenantId, byte[] wrappedIndexKey, String field, String value) {
    try {
      Mac mac = indexKeys.computeIfAbsent(tenantId, id -> unwrapIndexKey(id, wrappedIndexKey));
      byte[] tag = mac.computeMac((field + "\u0000" + value).getBytes(StandardCharsets.UTF_8));
      // Tink prefixes tags with a 5-byte key id; the index only needs the HMAC itself.
      return HexFormat.of().formatHex(tag, tag.length - 32, tag.length);
    } catch (GeneralSecurityException e) {
      throw new FieldCipherException("cannot compute index for field " + field, e);
    }
  }

  /** Forgets the tenant's unwrapped index key (on shred). */
  public void evict(String tenantId) {
    indexKeys.remove(tenantId);
  }

  private Mac unwrapIndexKey(String tenantId, byte[] wrapped) {
    try {
      return TinkProtoKeysetFormat.parseEncryptedKeyset(
              wrapped, keys.kek(tenantId), indexAssociatedData(tenantId))
          .getPrimitive(RegistryConfiguration.get(), Mac.class);
    } catch (GeneralSecurityException e) {
      throw new FieldCipherException("cannot open index key", e);
    }
  }

  private static byte[] associatedData(String tenantId, String field) {
    return (tenantId + "|" + field).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] indexAssociatedData(String tenantId) {
    return ("kursfilm-index|" + tenantId).getBytes(StandardCharsets.UTF_8);
  }
}
