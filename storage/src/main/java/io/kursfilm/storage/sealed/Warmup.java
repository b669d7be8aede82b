package io.kursfilm.storage.sealed;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * In-memory encrypt/decrypt rounds under a throwaway key; drives the JIT to compile the AES-GCM
 * intrinsics in the segment size objects are sealed in.
 */
final class Warmup {

  private static final byte[] AD = "warm-up".getBytes(StandardCharsets.US_ASCII);

  private Warmup() {}

  /** Encrypts and decrypts {@code bytes} zero bytes {@code rounds} times. */
  static void run(CiphertextLayout layout, int bytes, int rounds) {
    try {
      StreamingAead aead =
          KeysetHandle.generateNew(DataKeys.parameters(layout))
              .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
      byte[] plaintext = new byte[bytes];
      byte[] chunk = new byte[64 * 1024];
      for (int round = 0; round < rounds; round++) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream((int) layout.ciphertextSize(bytes));
        try (OutputStream out = aead.newEncryptingStream(sink, AD)) {
          out.write(plaintext);
        }
        byte[] ciphertext = sink.toByteArray();
        try (InputStream in = aead.newDecryptingStream(new ByteArrayInputStream(ciphertext), AD)) {
          while (in.read(chunk) >= 0) {
            // discard: only the work counts
          }
        }
      }
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("warm-up failed", e);
    }
  }
}
