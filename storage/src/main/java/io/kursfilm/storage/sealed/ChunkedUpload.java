package io.kursfilm.storage.sealed;

/**
 * What {@link SealedChunks#putAll} stored: enough to read the upload back with {@link
 * SealedChunks#openRange} and to tell the caller's row how large it is.
 *
 * @param chunks number of chunk objects written ({@code 0} for an empty upload)
 * @param size plaintext bytes in all chunks together
 */
public record ChunkedUpload(int chunks, long size) {

  public ChunkedUpload {
    if (chunks < 0 || size < 0) {
      throw new IllegalArgumentException("chunks and size must not be negative");
    }
  }
}
