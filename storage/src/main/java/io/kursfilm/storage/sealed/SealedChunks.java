package io.kursfilm.storage.sealed;

import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.objects.ObjectSummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.regex.Pattern;

/**
 * An upload stored as a sequence of sealed chunk objects {@code <prefix>/000000}, {@code
 * <prefix>/000001}, ... of {@link #chunkSize()} plaintext bytes each (the last may be shorter).
 * Every chunk is a {@link SealedObjects sealed object} of its own, with its own data key, so a
 * resumable upload can send chunk <i>k</i> again on any node after any interruption without
 * encryption state surviving between requests. Thread-safe; one instance per application.
 *
 * <p>A put that fails leaves no chunk under its index (an older chunk there is gone too), so the
 * stored chunks are always complete ones and a client simply resends what is missing.
 */
public class SealedChunks {

  /** Plaintext bytes per chunk unless configured otherwise: 8 MiB. */
  public static final int DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;

  /** Chunk indices have six digits. */
  public static final int MAX_CHUNKS = 1_000_000;

  // Room for "/" and six digits within the 255 characters of an object id.
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,240}");
  private static final Pattern CHUNK_KEY = Pattern.compile("\\d{6}");

  private final SealedObjects sealed;
  private final ObjectStore store;
  private final int chunkSize;
  private final ThreadFactory threads;

  public SealedChunks(SealedObjects sealed, ObjectStore store) {
    this(sealed, store, DEFAULT_CHUNK_SIZE);
  }

  /**
   * @param store the store {@code sealed} writes to; lists and deletes chunks by prefix
   * @param chunkSize plaintext bytes per chunk; must stay the same for the life of an upload
   */
  public SealedChunks(SealedObjects sealed, ObjectStore store, int chunkSize) {
    this(sealed, store, chunkSize, r -> new Thread(r, "kf-chunk-sealer"));
  }

  /**
   * @param threads makes the thread that seals one chunk while the next is read; in an application
   *     server, its managed thread factory
   */
  public SealedChunks(
      SealedObjects sealed, ObjectStore store, int chunkSize, ThreadFactory threads) {
    if (chunkSize <= 0) {
      throw new IllegalArgumentException("chunk size must be positive");
    }
    this.sealed = sealed;
    this.store = store;
    this.chunkSize = chunkSize;
    this.threads = threads;
  }

  public int chunkSize() {
    return chunkSize;
  }

  /** Chunks an upload of {@code totalSize} bytes consists of; {@code 0} for an empty one. */
  public int chunkCount(long totalSize) {
    if (totalSize < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    long count = (totalSize + chunkSize - 1) / chunkSize;
    if (count > MAX_CHUNKS) {
      throw new IllegalArgumentException("more than " + MAX_CHUNKS + " chunks");
    }
    return (int) count;
  }

  /** Plaintext length chunk {@code index} must have in an upload of {@code totalSize} bytes. */
  public long chunkLength(long totalSize, int index) {
    if (index < 0 || index >= chunkCount(totalSize)) {
      throw new IllegalArgumentException("no chunk " + index + " in " + totalSize + " bytes");
    }
    return Math.min(chunkSize, totalSize - (long) index * chunkSize);
  }

  /** Object id of chunk {@code index}: {@code <prefix>/<six digits>}. */
  public static String chunkId(String prefix, int index) {
    requirePrefix(prefix);
    if (index < 0 || index >= MAX_CHUNKS) {
      throw new IllegalArgumentException("chunk index must be 0-" + (MAX_CHUNKS - 1));
    }
    return prefix + "/" + String.format("%06d", index);
  }

  /**
   * Seals one chunk of exactly {@code expectedLength} bytes under its index, replacing a chunk
   * stored there before (a retried request stores the same again). Does not close {@code
   * plaintext}.
   *
   * @throws ChunkLengthException when the stream is shorter or longer; no chunk is left under the
   *     index
   * @throws SealedObjectException when sealing failed; no chunk is left under the index
   */
  public SealedObject putChunk(
      String tenantId, String prefix, int index, InputStream plaintext, long expectedLength) {
    String id = chunkId(prefix, index);
    if (expectedLength < 1 || expectedLength > chunkSize) {
      throw new IllegalArgumentException("chunk length must be 1-" + chunkSize + " bytes");
    }
    GuardedInputStream guarded = new GuardedInputStream(plaintext, expectedLength, expectedLength);
    try {
      return sealed.seal(tenantId, id, guarded);
    } catch (SealedObjectException e) {
      if (guarded.violation() != GuardedInputStream.Violation.NONE) {
        throw new ChunkLengthException(
            "chunk " + index + " is not " + expectedLength + " bytes long", e);
      }
      throw e;
    }
  }

  /**
   * Splits a stream of unknown length into chunks as it arrives and seals each (memory stays that
   * of one seal, whatever the size). On any failure every chunk written so far is deleted before
   * the exception leaves. Does not close {@code plaintext}. {@code prefix} should hold no chunks
   * yet: stale chunks beyond the new end would stay until {@link #deleteAll}.
   *
   * @throws UploadTooLargeException as soon as the stream exceeds {@code maxBytes}
   * @throws SealedObjectException when reading the stream or sealing failed
   */
  public ChunkedUpload putAll(
      String tenantId, String prefix, InputStream plaintext, long maxBytes) {
    requirePrefix(prefix);
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative");
    }
    GuardedInputStream counted = new GuardedInputStream(plaintext, 0, maxBytes);
    List<String> written = new ArrayList<>();
    // The next chunk is read from the client while the previous one is sealed and stored, so the
    // upload never waits for the object store (two chunks in memory at most).
    ExecutorService sealer = Executors.newSingleThreadExecutor(threads);
    Future<?> inFlight = null;
    try {
      int index = 0;
      while (true) {
        byte[] chunk = counted.readNBytes(chunkSize);
        if (chunk.length == 0) {
          break;
        }
        await(inFlight);
        String id = chunkId(prefix, index++);
        written.add(id);
        inFlight = sealer.submit(() -> sealed.seal(tenantId, id, new ByteArrayInputStream(chunk)));
        if (chunk.length < chunkSize) {
          break;
        }
      }
      await(inFlight);
      return new ChunkedUpload(index, counted.count());
    } catch (IOException | RuntimeException e) {
      RuntimeException failure =
          counted.violation() == GuardedInputStream.Violation.TOO_LONG
              ? new UploadTooLargeException(maxBytes)
              : e instanceof RuntimeException runtime
                  ? runtime
                  : new SealedObjectException("reading the upload failed", e);
      settle(inFlight);
      deleteQuietly(tenantId, written, failure);
      throw failure;
    } catch (Error e) {
      settle(inFlight);
      deleteQuietly(tenantId, written, e);
      throw e;
    } finally {
      sealer.shutdownNow();
    }
  }

  /** Waits for a seal and passes its failure on as it was thrown. */
  private static void await(Future<?> seal) {
    if (seal == null) {
      return;
    }
    try {
      seal.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new SealedObjectException("sealing a chunk failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SealedObjectException("interrupted while sealing a chunk", e);
    }
  }

  private void deleteQuietly(String tenantId, List<String> chunkIds, Throwable failure) {
    try {
      store.deleteAll(tenantId, chunkIds);
    } catch (RuntimeException cleanup) {
      failure.addSuppressed(cleanup);
    }
  }

  /** Lets a seal still running finish before its chunk is deleted, so none is left behind. */
  private static void settle(Future<?> seal) {
    if (seal == null) {
      return;
    }
    try {
      seal.get();
    } catch (ExecutionException ignored) {
      // its failure is reported by the caller's exception; the chunk is deleted next
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Opens plaintext bytes {@code [offset, offset + length)} of an upload of {@code totalSize}
   * bytes, cut at its end. Decrypts only the chunks the range touches, and of each only the
   * segments it needs; a chunk is opened when the reader reaches it. The first chunk opens before
   * this returns, so a missing upload or a foreign tenant fails here.
   *
   * @throws IllegalArgumentException when {@code offset} lies beyond {@code totalSize}
   * @throws SealedObjectException when the first chunk is missing or its key cannot be unwrapped;
   *     later chunks fail the read with an {@link IOException}
   */
  public InputStream openRange(
      String tenantId, String prefix, long totalSize, long offset, long length) {
    requirePrefix(prefix);
    chunkCount(totalSize);
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length must not be negative");
    }
    if (offset > totalSize) {
      throw new IllegalArgumentException("offset beyond the end of the upload");
    }
    long end = offset + Math.min(length, totalSize - offset);
    return new ChunkRangeInputStream(
        (index, from, n) -> sealed.openRange(tenantId, chunkId(prefix, index), from, n),
        chunkSize,
        offset,
        end);
  }

  /**
   * The chunks stored under {@code prefix}, as index to plaintext length, from one listing; lets a
   * resumable upload tell the client which chunks to send. Lengths come from the stored sizes; the
   * chunks are not opened.
   */
  public SortedMap<Integer, Long> storedChunks(String tenantId, String prefix) {
    requirePrefix(prefix);
    SortedMap<Integer, Long> chunks = new TreeMap<>();
    for (ObjectSummary object : store.list(tenantId, prefix + "/")) {
      String name = object.key().substring(prefix.length() + 1);
      if (CHUNK_KEY.matcher(name).matches()) {
        try {
          chunks.put(Integer.parseInt(name), CiphertextLayout.SEALING.plaintextSize(object.size()));
        } catch (IllegalArgumentException notSealed) {
          // not a sealed chunk's size: count it as missing, so the client sends it again
        }
      }
    }
    return Collections.unmodifiableSortedMap(chunks);
  }

  /**
   * Deletes every chunk under {@code prefix} (a listing, then batch deletes) and any multipart
   * upload left there; returns how many objects there were.
   */
  public int deleteAll(String tenantId, String prefix) {
    requirePrefix(prefix);
    store.abortIncompleteUploads(tenantId, prefix + "/");
    return store.deleteByPrefix(tenantId, prefix + "/");
  }

  private static void requirePrefix(String prefix) {
    if (prefix == null || !PREFIX.matcher(prefix).matches() || prefix.endsWith("/")) {
      throw new IllegalArgumentException(
          "prefix must be 1-241 letters, digits, '.', '_', '/' or '-', not ending in '/'");
    }
  }
}
