package io.kursfilm.storage.sealed;

import static io.kursfilm.storage.sealed.CiphertextLayout.HEADER_SIZE;
import static io.kursfilm.storage.sealed.CiphertextLayout.PLAINTEXT_SEGMENT_SIZE;
import static io.kursfilm.storage.sealed.CiphertextLayout.SEGMENT_SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.OutputStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CiphertextLayoutTest {

  static StreamingAead aead;

  @BeforeAll
  static void key() throws Exception {
    StreamingAeadConfig.register();
    aead =
        KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB)
            .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
  }

  /** 0, 1, and every first/second/third segment boundary and its neighbours. */
  static LongStream boundarySizes() {
    long first = SEGMENT_SIZE - HEADER_SIZE - 16L;
    return LongStream.of(
        0,
        1,
        first - 1,
        first,
        first + 1,
        first + PLAINTEXT_SEGMENT_SIZE - 1,
        first + PLAINTEXT_SEGMENT_SIZE,
        first + PLAINTEXT_SEGMENT_SIZE + 1,
        first + 2L * PLAINTEXT_SEGMENT_SIZE,
        SEGMENT_SIZE - 1,
        SEGMENT_SIZE,
        SEGMENT_SIZE + 1,
        3L * SEGMENT_SIZE + 12345);
  }

  @ParameterizedTest
  @MethodSource("boundarySizes")
  void formula_matches_real_tink_ciphertext(long plaintextSize) throws Exception {
    long actual = encryptedSize(plaintextSize);

    assertEquals(actual, CiphertextLayout.ciphertextSize(plaintextSize));
    assertEquals(plaintextSize, CiphertextLayout.plaintextSize(actual));
  }

  @Test
  void sizes_no_ciphertext_can_have_are_rejected() {
    assertThrows(IllegalArgumentException.class, () -> CiphertextLayout.plaintextSize(10));
    assertThrows(IllegalArgumentException.class, () -> CiphertextLayout.plaintextSize(55));
    assertThrows(
        IllegalArgumentException.class, () -> CiphertextLayout.plaintextSize(SEGMENT_SIZE + 16));
    assertEquals(0, CiphertextLayout.plaintextSize(56));
  }

  @Test
  void window_covers_whole_segments_of_the_range() {
    long size = CiphertextLayout.ciphertextSize(10L * SEGMENT_SIZE);
    long secondSegmentStart = SEGMENT_SIZE - HEADER_SIZE - 16L;

    assertEquals(new CiphertextLayout.Window(0, SEGMENT_SIZE), CiphertextLayout.window(0, 1, size));
    assertEquals(
        new CiphertextLayout.Window(SEGMENT_SIZE, 2L * SEGMENT_SIZE),
        CiphertextLayout.window(secondSegmentStart, PLAINTEXT_SEGMENT_SIZE, size));
    assertEquals(
        new CiphertextLayout.Window(0, 2L * SEGMENT_SIZE),
        CiphertextLayout.window(secondSegmentStart - 1, 2, size));
    assertEquals(
        new CiphertextLayout.Window(10L * SEGMENT_SIZE, size),
        CiphertextLayout.window(10L * SEGMENT_SIZE - 1, 1, size)); // last byte, 11th segment
  }

  private static long encryptedSize(long plaintextSize) throws Exception {
    CountingSink sink = new CountingSink();
    byte[] chunk = new byte[64 * 1024];
    try (OutputStream out = aead.newEncryptingStream(sink, new byte[] {1})) {
      for (long left = plaintextSize; left > 0; left -= chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
    }
    return sink.count;
  }

  private static final class CountingSink extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
