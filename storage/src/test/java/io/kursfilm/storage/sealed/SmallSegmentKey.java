package io.kursfilm.storage.sealed;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.Random;

/**
 * A data key in 4 KiB segments for the in-memory decryption tests: ciphertext Tink's own stream
 * writes, with many segments from a few kilobytes of plaintext.
 */
final class SmallSegmentKey {

  static final CiphertextLayout LAYOUT = new CiphertextLayout(4096);
  static final int PLAIN = LAYOUT.plaintextSegmentSize();
  static final DataKeys.Opened DEK = generate();

  private SmallSegmentKey() {}

  /** {@code plaintext} sealed by Tink's encrypting stream under {@link #DEK}. */
  static byte[] seal(byte[] plaintext, byte[] associatedData) throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream out = DEK.aead().newEncryptingStream(sink, associatedData)) {
      out.write(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return sink.toByteArray();
  }

  /** {@code size} random bytes, the same for the same size. */
  static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  private static DataKeys.Opened generate() {
    try {
      StreamingAeadConfig.register();
      KeysetHandle handle = KeysetHandle.generateNew(DataKeys.parameters(LAYOUT));
      StreamingAead aead = handle.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
      return new DataKeys.Opened(
          aead, LAYOUT, (AesGcmHkdfStreamingKey) handle.getPrimary().getKey());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
