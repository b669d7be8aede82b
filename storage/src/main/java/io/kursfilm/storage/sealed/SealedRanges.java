package io.kursfilm.storage.sealed;

import io.kursfilm.storage.keys.TenantKeys;
import io.kursfilm.storage.objects.ObjectInfo;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.objects.RangeResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * The ranged reads of {@link SealedObjects}: finds the segments a plaintext range needs, fetches
 * them with one GET where the caller's knowledge allows and decrypts them as they arrive. Stateless
 * apart from its collaborators; thread-safe.
 */
final class SealedRanges {

  private final ObjectStore store;
  private final TenantKeys keys;
  private final int maxRequest;
  private final CiphertextLayout expected;
  private final CiphertextCache cache;

  /**
   * @param expected the layout the first GET by ids assumes (that of newly sealed objects); an
   *     object in another layout costs one more GET
   */
  SealedRanges(
      ObjectStore store,
      TenantKeys keys,
      int maxRequest,
      CiphertextLayout expected,
      CiphertextCache cache) {
    this.store = store;
    this.keys = keys;
    this.maxRequest = maxRequest;
    this.expected = expected;
    this.cache = cache;
  }

  /**
   * By tenant and id: the first GET asks for the range's segments and brings size, wrapped key and
   * header in its response headers, so no stat is needed. Falls back to stat + GET when that GET
   * cannot answer (missing object, range beyond the end, server ignoring ranges) so that the caller
   * gets the same errors as before.
   */
  InputStream byIds(String tenantId, String objectId, long offset, long length) {
    byte[] ad = SealedObjects.associatedData(tenantId, objectId);
    long start = expected.segmentOf(offset) * expected.segmentSize();
    Optional<RangeResponse> first =
        length == 0
            ? Optional.empty()
            : store.getWithInfo(tenantId, objectId, start, firstRequest(offset, length, start));
    if (first.isEmpty()) {
      return byStat(tenantId, objectId, ad, offset, length);
    }
    RangeResponse response = first.get();
    try {
      ObjectInfo info = response.info();
      DataKeys.Opened dek = SealedObjects.dataKey(keys, tenantId, info, ad);
      RangedCiphertextChannel ciphertext =
          channel(
              dek.layout(),
              ranged(tenantId, objectId),
              info.size(),
              headerOf(info),
              offset,
              length);
      ciphertext.adopt(response.body(), response.offset(), response.length());
      return decrypt(dek, ad, ciphertext, offset, length);
    } catch (RuntimeException e) {
      closeQuietly(response.body(), e);
      throw e;
    }
  }

  private InputStream byStat(
      String tenantId, String objectId, byte[] ad, long offset, long length) {
    ObjectInfo info =
        store
            .stat(tenantId, objectId)
            .orElseThrow(() -> new SealedObjectException("no such sealed object", null));
    DataKeys.Opened dek = SealedObjects.dataKey(keys, tenantId, info, ad);
    RangedCiphertextChannel ciphertext =
        channel(
            dek.layout(), ranged(tenantId, objectId), info.size(), headerOf(info), offset, length);
    return decrypt(dek, ad, ciphertext, offset, length);
  }

  /**
   * By receipt: size, wrapped key and header are known, so one GET of the segments suffices; a
   * small object comes whole from the {@link CiphertextCache} instead (one GET per cache miss) and
   * is decrypted straight from there ({@link HeldCiphertextInputStream}), as is an object not held
   * there whose every segment the range needs ({@link #wantsWhole}).
   */
  InputStream byReceipt(SealedObject receipt, long offset, long length) {
    byte[] ad = SealedObjects.associatedData(receipt.tenantId(), receipt.objectId());
    byte[] header = receipt.header();
    if (header.length != CiphertextLayout.HEADER_SIZE) {
      throw new SealedObjectException("receipt does not hold a sealed object's header", null);
    }
    DataKeys.Opened dek = DataKeys.unwrap(keys, receipt.tenantId(), receipt.wrappedDek(), ad);
    boolean cached = cache.holds(receipt.ciphertextSize());
    if (cached || wantsWhole(dek.layout(), receipt, offset, length)) {
      byte[][] whole =
          cached
              ? cache.ciphertext(receipt, () -> whole(receipt, dek.layout()))
              : whole(receipt, dek.layout());
      try {
        return new HeldCiphertextInputStream(
            whole, dek.layout(), dek.segmentDecrypter(header, ad), offset, length);
      } catch (GeneralSecurityException e) {
        throw new SealedObjectException("cannot open sealed range", e);
      }
    }
    RangedCiphertextChannel ciphertext =
        channel(
            dek.layout(),
            ranged(receipt.tenantId(), receipt.key()),
            receipt.ciphertextSize(),
            header,
            offset,
            length);
    return decrypt(dek, ad, ciphertext, offset, length);
  }

  private RangedCiphertextChannel.Source ranged(String tenantId, String key) {
    return (from, length) -> store.get(tenantId, key, from, length);
  }

  /**
   * Whether a range not held in the cache is better read with one GET of the whole object into
   * memory: when it needs every segment anyway (a player fetching an HLS segment) and the object is
   * no larger than one ranged GET may be. The channel below Tink's seekable decryption costs more
   * CPU than the decryption itself on such objects; a part of a large object still streams.
   */
  private boolean wantsWhole(
      CiphertextLayout layout, SealedObject receipt, long offset, long length) {
    long size = receipt.ciphertextSize();
    if (size > maxRequest || offset > receipt.plaintextSize()) {
      return false;
    }
    CiphertextLayout.Window window =
        layout.window(offset, Math.min(length, receipt.plaintextSize() - offset), size);
    return window.start() == 0 && window.end() == size;
  }

  /** The stored bytes, read straight into an array per stored segment (one copy). */
  private byte[][] whole(SealedObject receipt, CiphertextLayout layout) {
    try (InputStream in = store.get(receipt.tenantId(), receipt.key())) {
      return HeldCiphertextInputStream.read(in, receipt.ciphertextSize(), layout);
    } catch (IOException e) {
      // Shorter or longer than the receipt says, or the read broke off.
      throw new SealedObjectException("cannot read the sealed object whole", e);
    }
  }

  /** Stored bytes the first GET asks for: the range's segments, at most {@code maxRequest}. */
  private long firstRequest(long offset, long length, long start) {
    long wanted = Math.min(length, maxRequest);
    long end = (expected.segmentOf(offset + wanted - 1) + 1) * expected.segmentSize();
    return Math.min(end - start, maxRequest);
  }

  private RangedCiphertextChannel channel(
      CiphertextLayout layout,
      RangedCiphertextChannel.Source source,
      long ciphertextSize,
      byte[] header,
      long offset,
      long length) {
    long plaintextSize = plaintextSizeOf(layout, ciphertextSize);
    if (offset > plaintextSize) {
      throw new IllegalArgumentException("offset beyond the end of the object");
    }
    long n = Math.min(length, plaintextSize - offset);
    return new RangedCiphertextChannel(
        source, ciphertextSize, layout.window(offset, n, ciphertextSize), maxRequest, header);
  }

  private static InputStream decrypt(
      DataKeys.Opened dek,
      byte[] ad,
      RangedCiphertextChannel ciphertext,
      long offset,
      long length) {
    try {
      long n = Math.min(length, plaintextSizeOf(dek.layout(), ciphertext.size()) - offset);
      SeekableByteChannel plaintext = dek.aead().newSeekableDecryptingChannel(ciphertext, ad);
      plaintext.position(offset);
      return new RangeInputStream(plaintext, ciphertext, n);
    } catch (GeneralSecurityException | IOException e) {
      SealedObjectException failure = new SealedObjectException("cannot open sealed range", e);
      closeQuietly(ciphertext, failure);
      throw failure;
    }
  }

  /** The header kept in metadata, or null for objects sealed before it was kept there. */
  static byte[] headerOf(ObjectInfo info) {
    String base64 = info.userMetadata().get(SealedObjects.HEADER_METADATA);
    if (base64 == null) {
      return null;
    }
    try {
      byte[] header = Base64.getDecoder().decode(base64);
      if (header.length == CiphertextLayout.HEADER_SIZE) {
        return header;
      }
    } catch (IllegalArgumentException e) {
      // falls through: a damaged header in metadata is as good as none
    }
    throw new SealedObjectException("object metadata does not hold a sealed object's header", null);
  }

  static long plaintextSizeOf(CiphertextLayout layout, long ciphertextSize) {
    try {
      return layout.plaintextSize(ciphertextSize);
    } catch (IllegalArgumentException e) {
      throw new SealedObjectException("stored size is not a sealed object's", e);
    }
  }

  private static void closeQuietly(AutoCloseable resource, Throwable failure) {
    try {
      resource.close();
    } catch (Exception e) {
      failure.addSuppressed(e);
    }
  }
}
