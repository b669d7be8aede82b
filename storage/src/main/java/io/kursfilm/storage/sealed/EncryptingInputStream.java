package io.kursfilm.storage.sealed;

import com.google.crypto.tink.StreamingAead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

/**
 * Turns a plaintext stream into a ciphertext stream that the object store can pull from. Tink only
 * offers encryption that pushes into an {@link OutputStream}; this adapter feeds it one chunk of
 * plaintext whenever the reader has drained the ciphertext produced so far. Everything runs on the
 * reader's thread, so a failure of the plaintext source surfaces in the upload itself and nothing
 * is left running. Memory stays at about one segment. One use, one thread.
 */
final class EncryptingInputStream extends InputStream {

  private static final int CHUNK = 64 * 1024;

  private final InputStream plaintext;
  private final Ciphertext ciphertext = new Ciphertext();
  private final OutputStream encryptor;
  private final byte[] chunk = new byte[CHUNK];
  private long plaintextBytes;
  private long ciphertextBytes;
  private boolean finished;

  EncryptingInputStream(StreamingAead aead, InputStream plaintext, byte[] associatedData)
      throws GeneralSecurityException, IOException {
    this.plaintext = plaintext;
    this.encryptor = aead.newEncryptingStream(ciphertext, associatedData);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (ciphertext.available() == 0) {
      if (finished) {
        return -1;
      }
      encryptNextChunk();
    }
    int n = ciphertext.drain(b, off, len);
    ciphertextBytes += n;
    return n;
  }

  private void encryptNextChunk() throws IOException {
    int n = plaintext.read(chunk);
    if (n < 0) {
      encryptor.close(); // writes the final segment, marked as last
      finished = true;
    } else {
      encryptor.write(chunk, 0, n);
      plaintextBytes += n;
    }
  }

  /**
   * The 40-byte ciphertext header, known before the first byte is read: encrypts up to the first
   * segment ahead (it is needed next anyway), so the header can travel in the upload's metadata.
   */
  byte[] header() throws IOException {
    while (ciphertext.available() < CiphertextLayout.HEADER_SIZE && !finished) {
      encryptNextChunk();
    }
    return ciphertext.peek(CiphertextLayout.HEADER_SIZE);
  }

  long plaintextBytes() {
    return plaintextBytes;
  }

  long ciphertextBytes() {
    return ciphertextBytes;
  }

  boolean finished() {
    return finished && ciphertext.available() == 0;
  }

  @Override
  public void close() throws IOException {
    plaintext.close();
  }

  /** Ciphertext produced but not yet read; reused once drained. */
  private static final class Ciphertext extends ByteArrayOutputStream {
    private int readPos;

    Ciphertext() {
      super(CiphertextLayout.SEALING.segmentSize() + CHUNK);
    }

    synchronized int available() {
      return count - readPos;
    }

    synchronized byte[] peek(int n) {
      if (count - readPos < n) {
        throw new IllegalStateException("fewer ciphertext bytes buffered than asked for");
      }
      return java.util.Arrays.copyOfRange(buf, readPos, readPos + n);
    }

    synchronized int drain(byte[] b, int off, int len) {
      int n = Math.min(len, count - readPos);
      System.arraycopy(buf, readPos, b, off, n);
      readPos += n;
      if (readPos == count) {
        reset();
        readPos = 0;
      }
      return n;
    }
  }
}
