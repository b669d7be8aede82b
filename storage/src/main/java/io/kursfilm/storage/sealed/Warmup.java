package io.kursfilm.storage.sealed;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

/**
 * In-memory encrypt/decrypt rounds under a throwaway key; drives the JIT to compile the AES-GCM
 * intrinsics. Also the in-memory throughput probe of the benchmark.
 */
final class Warmup {

  private static final byte[] AD = "warm-up".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private Warmup() {}

  /**
   * Encrypts and decrypts {@code bytes} zero bytes {@code rounds} times.
   *
   * @return nanoseconds spent encrypting and decrypting in the last round, as {@code [enc, dec]}
   */
  static long[] run(int bytes, int rounds) {
    try {
      StreamingAead aead =
          KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB)
              .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
      byte[] plaintext = new byte[bytes];
      byte[] chunk = new byte[64 * 1024];
      long[] nanos = new long[2];
      for (int round = 0; round < rounds; round++) {
        ByteArrayOutputStream sink =
            new ByteArrayOutputStream((int) CiphertextLayout.ciphertextSize(bytes));
        long t0 = System.nanoTime();
        try (OutputStream out = aead.newEncryptingStream(sink, AD)) {
          out.write(plaintext);
        }
        long t1 = System.nanoTime();
        try (InputStream in =
            aead.newDecryptingStream(new ByteArrayInputStream(sink.toByteArray()), AD)) {
          while (in.read(chunk) >= 0) {
            // discard: only the work counts
          }
        }
        nanos[0] = t1 - t0;
        nanos[1] = System.nanoTime() - t1;
      }
      return nanos;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("warm-up failed", e);
    }
  }
}
