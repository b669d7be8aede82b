package io.kursfilm.storage.sealed;

import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import io.kursfilm.storage.keys.TenantKeys;
import io.kursfilm.storage.objects.IncompleteUpload;
import io.kursfilm.storage.objects.ObjectInfo;
import io.kursfilm.storage.objects.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.regex.Pattern;

/**
 * Stores and reads tenant bytes encrypted: each object gets a fresh StreamingAead data key (DEK),
 * wrapped by the tenant's KEK and kept in the object's metadata and in the returned {@link
 * SealedObject}. Ciphertext and wrapped DEK are bound to {@code tenantId|objectId}, so a blob moved
 * to another tenant or id does not open. Thread-safe; one instance per application, {@link #warmUp}
 * once at start-up.
 *
 * <p>The tenant id argument must be the authenticated caller's tenant: it picks the bucket and the
 * KEK. Memory per call is bounded (about two segments, a 4 MiB read-ahead and minio's part buffer),
 * whatever the size; a range holds just Tink's two segment buffers. A get or put runs one
 * short-lived read-ahead thread, joined when its stream closes; a range runs none.
 */
public class SealedObjects {

  static final String DEK_METADATA = "kf-dek";
  static final String HEADER_METADATA = "kf-header";
  static final String FORMAT_METADATA = "kf-seal";
  static final String FORMAT = "tink-aes256-gcm-hkdf-256kb";

  /** Objects sealed before 256 KiB segments; still opened. */
  static final String FORMAT_1MB = "tink-aes256-gcm-hkdf-1mb";

  /** Stored bytes per ciphertext segment of newly sealed objects (Tink's tag included). */
  public static final int SEGMENT_SIZE = CiphertextLayout.SEALING.segmentSize();

  /**
   * Stored bytes one ranged GET may ask for: a 1 MiB range spans at most 3 segments. The bytes
   * stream into decryption, so this bounds what closing a range early abandons, not memory.
   */
  public static final int DEFAULT_RANGE_READ_AHEAD = 4 << 20;

  private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final Pattern OBJECT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,254}");

  /** Chunks of {@link ReadAheadInputStream#CHUNK} bytes a put runs ahead: 4 MiB. */
  private static final int READ_AHEAD_CHUNKS = 16;

  /** Segments a get reads ahead of its caller: 4 MiB of ciphertext in the default layout. */
  private static final int READ_AHEAD_SEGMENTS = 16;

  /**
   * Threads that decrypt the segments of one get. Two use both cores of a small node while a third
   * reads the network; more would only queue for the same cores.
   */
  private static final int DECRYPT_THREADS = 2;

  static {
    try {
      StreamingAeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final ObjectStore store;
  private final TenantKeys keys;
  private final ThreadFactory threads;
  private final SealedRanges ranges;
  private final CiphertextLayout sealing;

  /** Plain named threads, for use outside an application server. */
  private static final ThreadFactory PLAIN_THREADS = r -> new Thread(r, "kf-sealed-read-ahead");

  public SealedObjects(ObjectStore store, TenantKeys keys) {
    this(store, keys, DEFAULT_RANGE_READ_AHEAD, PLAIN_THREADS);
  }

  public SealedObjects(ObjectStore store, TenantKeys keys, int rangeReadAhead) {
    this(store, keys, rangeReadAhead, PLAIN_THREADS);
  }

  /**
   * @param threads makes the read-ahead threads of puts and gets; in an application server, its
   *     managed thread factory, so the threads carry the container's context and are accounted for
   */
  public SealedObjects(
      ObjectStore store, TenantKeys keys, int rangeReadAhead, ThreadFactory threads) {
    this(store, keys, rangeReadAhead, threads, CiphertextCache.disabled());
  }

  /**
   * @param cache keeps the ciphertext of small objects read by receipt (HLS playback), see {@link
   *     CiphertextCache}
   */
  public SealedObjects(
      ObjectStore store,
      TenantKeys keys,
      int rangeReadAhead,
      ThreadFactory threads,
      CiphertextCache cache) {
    this(store, keys, rangeReadAhead, threads, CiphertextLayout.SEALING, cache);
  }

  /** With the segment layout new objects get; tests seal in the older 1 MiB layout with it. */
  SealedObjects(
      ObjectStore store,
      TenantKeys keys,
      int rangeReadAhead,
      ThreadFactory threads,
      CiphertextLayout sealing,
      CiphertextCache cache) {
    if (rangeReadAhead < SEGMENT_SIZE) {
      throw new IllegalArgumentException("read-ahead must be at least one segment");
    }
    this.store = store;
    this.keys = keys;
    this.threads = threads;
    this.ranges = new SealedRanges(store, keys, rangeReadAhead, sealing, cache);
    this.sealing = sealing;
  }

  /**
   * Encrypts {@code plaintext} while streaming it into the tenant's bucket under {@code objectId}.
   * On any failure (source, network, store) the object and any partial upload are removed before
   * the exception leaves, replacing an older object of the same id means losing it then. Does not
   * close {@code plaintext}.
   *
   * @throws SealedObjectException when sealing failed
   */
  public SealedObject seal(String tenantId, String objectId, InputStream plaintext) {
    byte[] ad = associatedData(tenantId, objectId);
    DataKeys.Fresh dek = DataKeys.generate(keys, tenantId, ad, sealing);
    String key = objectId;
    try {
      EncryptingInputStream ciphertext = new EncryptingInputStream(dek.aead(), plaintext, ad);
      byte[] header = ciphertext.header();
      Map<String, String> metadata =
          Map.of(
              DEK_METADATA,
              Base64.getEncoder().encodeToString(dek.wrapped()),
              HEADER_METADATA,
              Base64.getEncoder().encodeToString(header),
              FORMAT_METADATA,
              sealing.equals(CiphertextLayout.ONE_MIB) ? FORMAT_1MB : FORMAT);
      // Encryption runs ahead on its own thread, overlapping the upload; close() joins it, which
      // also makes the counters below visible to this thread.
      try (InputStream body =
          new ReadAheadInputStream(ciphertext, READ_AHEAD_CHUNKS, false, threads)) {
        store.put(tenantId, key, body, metadata);
      }
      if (!ciphertext.finished()
          || ciphertext.ciphertextBytes() != sealing.ciphertextSize(ciphertext.plaintextBytes())) {
        throw new IOException("upload ended before the plaintext did");
      }
      return new SealedObject(
          tenantId,
          objectId,
          key,
          dek.wrapped(),
          header,
          ciphertext.ciphertextBytes(),
          ciphertext.plaintextBytes());
    } catch (Exception | Error e) {
      discard(tenantId, key, e);
      throw new SealedObjectException("seal failed", e);
    }
  }

  /** Removes whatever a failed seal left behind; cleanup failures ride along as suppressed. */
  private void discard(String tenantId, String key, Throwable failure) {
    try {
      for (IncompleteUpload upload : store.listIncompleteUploads(tenantId, key)) {
        if (upload.key().equals(key)) {
          store.abortIncompleteUpload(tenantId, upload);
        }
      }
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
    try {
      store.delete(tenantId, key);
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * Opens the whole plaintext for streaming. The data key is unwrapped before this returns, so a
   * wrong tenant or id fails here without yielding a byte; tampering with the stored bytes fails
   * while reading, at the latest at the end (each segment is authenticated on its own). Segments
   * decrypt on two threads while a third reads ahead (see {@link ParallelDecryptingInputStream}).
   *
   * @throws SealedObjectException when the object is missing or its key cannot be unwrapped
   */
  public InputStream open(String tenantId, String objectId) {
    byte[] ad = associatedData(tenantId, objectId);
    ObjectInfo info =
        store
            .stat(tenantId, objectId)
            .orElseThrow(() -> new SealedObjectException("no such sealed object", null));
    DataKeys.Opened dek = dataKey(keys, tenantId, info, ad);
    InputStream ciphertext = store.get(tenantId, objectId);
    if (info.size() <= (long) ParallelDecryptingInputStream.BATCH * dek.layout().segmentSize()) {
      // One batch (captions, playlists): threads would cost more than they could overlap.
      try {
        return dek.aead().newDecryptingStream(ciphertext, ad);
      } catch (GeneralSecurityException | IOException e) {
        closeQuietly(ciphertext);
        throw new SealedObjectException("cannot open sealed object", e);
      }
    }
    return new ParallelDecryptingInputStream(
        ciphertext,
        dek.layout(),
        info.size(),
        header -> dek.segmentDecrypter(header, ad),
        DECRYPT_THREADS,
        READ_AHEAD_SEGMENTS,
        threads);
  }

  /**
   * Opens plaintext bytes {@code [offset, offset + length)}, cut at the end of the object, reading
   * only the stored segments that range needs with one GET, whose response headers also bring size,
   * wrapped key and header (no stat). The data key is unwrapped before this returns. A missing
   * object, or an offset at or beyond the end, costs a stat after that GET.
   *
   * @throws IllegalArgumentException when {@code offset} lies beyond the end
   * @throws SealedObjectException when the object is missing or its key cannot be unwrapped
   */
  public InputStream openRange(String tenantId, String objectId, long offset, long length) {
    requireRange(offset, length);
    return ranges.byIds(tenantId, objectId, offset, length);
  }

  /**
   * Opens plaintext bytes {@code [offset, offset + length)} of the object a receipt describes, with
   * a single ranged GET for exactly the segments the range needs: size, wrapped key and header come
   * from the receipt. The receipt's tenant must be the authenticated caller's: its KEK unwraps the
   * data key, bound to {@code tenantId|objectId}, so a receipt moved to another tenant or id, or a
   * tampered wrapped key, fails here; a tampered header or size fails while reading, before any
   * plaintext is returned.
   *
   * @throws IllegalArgumentException when {@code offset} lies beyond the end
   * @throws SealedObjectException when the key cannot be unwrapped or the receipt is malformed
   */
  public InputStream openRange(SealedObject receipt, long offset, long length) {
    requireRange(offset, length);
    return ranges.byReceipt(receipt, offset, length);
  }

  /**
   * The receipt of a stored object, rebuilt from its metadata with one stat, for callers that read
   * the same object often and keep the receipt ({@link #openRange(SealedObject, long, long)} then
   * needs no stat). The data key stays wrapped: nothing here needs the tenant's KEK. Objects sealed
   * before the header was kept in metadata cost one more small GET for it.
   *
   * @return empty when no such object exists
   * @throws SealedObjectException when the object is not sealed in a known format
   */
  public Optional<SealedObject> describe(String tenantId, String objectId) {
    validate(tenantId, objectId);
    Optional<ObjectInfo> found = store.stat(tenantId, objectId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ObjectInfo info = found.get();
    String wrapped = info.userMetadata().get(DEK_METADATA);
    CiphertextLayout layout = layoutOf(info);
    byte[] header = SealedRanges.headerOf(info);
    try {
      if (header == null) {
        header = storedHeader(tenantId, objectId);
      }
      return Optional.of(
          new SealedObject(
              tenantId,
              objectId,
              objectId,
              Base64.getDecoder().decode(wrapped),
              header,
              info.size(),
              SealedRanges.plaintextSizeOf(layout, info.size())));
    } catch (IllegalArgumentException | IOException e) {
      throw new SealedObjectException("object metadata does not describe a sealed object", e);
    }
  }

  private byte[] storedHeader(String tenantId, String key) throws IOException {
    try (InputStream in = store.get(tenantId, key, 0, CiphertextLayout.HEADER_SIZE)) {
      byte[] header = in.readAllBytes();
      if (header.length != CiphertextLayout.HEADER_SIZE) {
        throw new IOException("stored object shorter than a sealed object's header");
      }
      return header;
    }
  }

  /** Plaintext size of the stored object, from its stored size alone. */
  public long plaintextSize(String tenantId, String objectId) {
    validate(tenantId, objectId);
    ObjectInfo info =
        store
            .stat(tenantId, objectId)
            .orElseThrow(() -> new SealedObjectException("no such sealed object", null));
    String format = info.userMetadata().get(FORMAT_METADATA);
    CiphertextLayout layout = FORMAT_1MB.equals(format) ? CiphertextLayout.ONE_MIB : sealing;
    return SealedRanges.plaintextSizeOf(layout, info.size());
  }

  /** The segment layout the object's format names; refuses objects of no known format. */
  private static CiphertextLayout layoutOf(ObjectInfo info) {
    String format = info.userMetadata().get(FORMAT_METADATA);
    if (info.userMetadata().get(DEK_METADATA) == null
        || !(FORMAT.equals(format) || FORMAT_1MB.equals(format))) {
      throw new SealedObjectException("object is not sealed in a known format", null);
    }
    return FORMAT_1MB.equals(format) ? CiphertextLayout.ONE_MIB : CiphertextLayout.SEALING;
  }

  /**
   * Encrypts and decrypts a few MiB in memory under a throwaway key, so that the JIT compiles the
   * AES-GCM intrinsics before the first real request (a cold JVM decrypts several times slower).
   */
  public void warmUp() {
    Warmup.run(sealing, 8 << 20, 3);
  }

  /**
   * The object's data key, unwrapped from its metadata. Wrong tenant KEK, wrong object id, tampered
   * metadata or a shredded tenant all fail here.
   */
  static DataKeys.Opened dataKey(TenantKeys keys, String tenantId, ObjectInfo info, byte[] ad) {
    String wrapped = info.userMetadata().get(DEK_METADATA);
    String format = info.userMetadata().get(FORMAT_METADATA);
    if (wrapped == null || !(FORMAT.equals(format) || FORMAT_1MB.equals(format))) {
      throw new SealedObjectException("object is not sealed in a known format", null);
    }
    byte[] wrappedDek;
    try {
      wrappedDek = Base64.getDecoder().decode(wrapped);
    } catch (IllegalArgumentException e) {
      throw new SealedObjectException("cannot unwrap data key", e);
    }
    return DataKeys.unwrap(keys, tenantId, wrappedDek, ad);
  }

  private static void requireRange(long offset, long length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length must not be negative");
    }
  }

  static byte[] associatedData(String tenantId, String objectId) {
    validate(tenantId, objectId);
    // '|' cannot occur in either id, so the pair maps to the bytes unambiguously.
    return (tenantId + "|" + objectId).getBytes(StandardCharsets.UTF_8);
  }

  private static void validate(String tenantId, String objectId) {
    if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
      throw new IllegalArgumentException("tenant id must be 1-64 letters, digits or dashes");
    }
    if (objectId == null || !OBJECT_ID.matcher(objectId).matches()) {
      throw new IllegalArgumentException(
          "object id must be 1-255 letters, digits, '.', '_', '/' or '-'");
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // already failing; the original exception matters
    }
  }
}
