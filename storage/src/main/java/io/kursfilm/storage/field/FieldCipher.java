package io.kursfilm.storage.field;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import io.kursfilm.storage.keys.ClockTicker;
import io.kursfilm.storage.keys.LocalKeyStore;
import io.kursfilm.storage.keys.TenantKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Encrypts personal values (names, e-mails, quiz answers) for storage in the database, and computes
 * blind indexes for finding them by exact value.
 *
 * <p>Values are sealed with the tenant's KEK as AEAD. A value sealed for a {@link Row} ({@code
 * f2:}, the form to write) is bound to tenant, table, row id and field, so a ciphertext copied into
 * another row, column, table or tenant does not decrypt. The older form ({@code f1:}) is bound to
 * tenant and field only; it stays readable through the row-aware {@link #decrypt(String, Row,
 * String, String)} until its row is written again. The blind index is an HMAC-SHA256 under a
 * per-tenant index key; that key is itself stored wrapped by the KEK (the caller keeps the wrapped
 * bytes, e.g. in the tenant row), so destroying the KEK also makes every index meaningless.
 * Unwrapped index keys are cached like KEKs: bounded, for the KEK cache's TTL after they were
 * opened, and gone at once on {@link #evict}. Every index still looks the KEK up first, so a tenant
 * the {@link io.kursfilm.storage.keys.TenantGate} closes (or whose KEK is destroyed) gets no index
 * from a cached key either.
 */
public class FieldCipher {

  private static final String PREFIX = "f1:";
  private static final String ROW_BOUND = "f2:";

  /** First part of a row-bound value's associated data. */
  private static final byte[] ROW_BOUND_VERSION =
      "kursfilm-field-v2".getBytes(StandardCharsets.UTF_8);

  /**
   * The row a value belongs to.
   *
   * @param table the table's name, e.g. {@code app_user}
   * @param id the row's primary key, fixed for the row's life
   */
  public record Row(String table, String id) {
    public Row {
      if (table == null || table.isEmpty() || id == null || id.isEmpty()) {
        throw new IllegalArgumentException("a row needs a table and an id");
      }
    }
  }

  /** Tenants whose index key is kept unwrapped at once, as many as KEKs. */
  public static final int CACHED_INDEX_KEYS = LocalKeyStore.CACHED_KEKS;

  private final TenantKeys keys;
  private final Cache<String, Mac> indexKeys;

  /**
   * @param cacheTtl how long an unwrapped index key is kept: the KEK cache's TTL
   */
  public FieldCipher(TenantKeys keys, Duration cacheTtl, Clock clock) {
    this.keys = keys;
    this.indexKeys =
        Caffeine.newBuilder()
            .maximumSize(CACHED_INDEX_KEYS)
            .expireAfterWrite(cacheTtl)
            .ticker(ClockTicker.of(clock))
            .build();
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
    if (stored.startsWith(ROW_BOUND)) {
      throw new FieldCipherException("field " + field + " is bound to a row: name it", null);
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

  /**
   * Seals {@code value} for {@code field} of {@code row} of {@code tenantId} ({@code f2:}); null
   * stays null.
   */
  public String encrypt(String tenantId, Row row, String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      byte[] sealed =
          keys.kek(tenantId)
              .encrypt(
                  value.getBytes(StandardCharsets.UTF_8), rowAssociatedData(tenantId, row, field));
      return ROW_BOUND + Base64.getEncoder().encodeToString(sealed);
    } catch (GeneralSecurityException e) {
      throw new FieldCipherException("cannot encrypt field " + field, e);
    }
  }

  /**
   * Opens a value of {@code field} in {@code row}: a row-bound one only in that row, an older one
   * ({@code f1:}, bound to tenant and field) as before.
   *
   * @throws FieldCipherException for another tenant, row, table or field, or a tampered value
   */
  public String decrypt(String tenantId, Row row, String field, String stored) {
    if (stored == null || !stored.startsWith(ROW_BOUND)) {
      return decrypt(tenantId, field, stored);
    }
    try {
      byte[] sealed = Base64.getDecoder().decode(stored.substring(ROW_BOUND.length()));
      return new String(
          keys.kek(tenantId).decrypt(sealed, rowAssociatedData(tenantId, row, field)),
          StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new FieldCipherException("cannot decrypt field " + field + " of this row", e);
    }
  }

  /** Whether {@code stored} is already bound to its row, i.e. need not be sealed again. */
  public static boolean isRowBound(String stored) {
    return stored != null && stored.startsWith(ROW_BOUND);
  }

  /**
   * Whether {@code stored} is a sealed value of either form; anything else in a sealed column is
   * plaintext written before the column was sealed.
   */
  public static boolean isSealed(String stored) {
    return stored != null && (stored.startsWith(ROW_BOUND) || stored.startsWith(PREFIX));
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
      // The KEK first: a closed or shredded tenant fails here even while its index key is cached.
      keys.kek(tenantId);
      Mac mac = indexKeys.get(tenantId, id -> unwrapIndexKey(id, wrappedIndexKey));
      byte[] tag = mac.computeMac((field + "\u0000" + value).getBytes(StandardCharsets.UTF_8));
      // Tink prefixes tags with a 5-byte key id; the index only needs the HMAC itself.
      return HexFormat.of().formatHex(tag, tag.length - 32, tag.length);
    } catch (GeneralSecurityException e) {
      throw new FieldCipherException("cannot compute index for field " + field, e);
    }
  }

  /** Forgets the tenant's unwrapped index key (on shred). */
  public void evict(String tenantId) {
    indexKeys.invalidate(tenantId);
  }

  /** Index keys currently kept unwrapped, after pending evictions ran; for tests. */
  long cachedIndexKeys() {
    indexKeys.cleanUp();
    return indexKeys.estimatedSize();
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

  /**
   * Each part length-prefixed, so no choice of ids can make two different places share associated
   * data (a {@code |} inside an id would, with plain joining).
   */
  private static byte[] rowAssociatedData(String tenantId, Row row, String field) {
    // Sized exactly: reading a quiz's results opens thousands of values in one request.
    byte[][] parts = {
      ROW_BOUND_VERSION, utf8(tenantId), utf8(row.table()), utf8(row.id()), utf8(field)
    };
    int length = 0;
    for (byte[] part : parts) {
      length += Integer.BYTES + part.length;
    }
    ByteBuffer out = ByteBuffer.allocate(length);
    for (byte[] part : parts) {
      out.putInt(part.length).put(part);
    }
    return out.array();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] indexAssociatedData(String tenantId) {
    return ("kursfilm-index|" + tenantId).getBytes(StandardCharsets.UTF_8);
  }
}
