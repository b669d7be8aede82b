package io.kursfilm.storage.sealed;

import static io.kursfilm.storage.sealed.CiphertextLayout.HEADER_SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.OutputStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CiphertextLayoutTest {

  static final CiphertextLayout L = CiphertextLayout.SEALING;
  static final int SEGMENT_SIZE = L.segmentSize();
  static final int PLAINTEXT_SEGMENT_SIZE = L.plaintextSegmentSize();

  @BeforeAll
  static void register() throws Exception {
    StreamingAeadConfig.register();
  }

  /** For both layouts: 0, 1, and every first/second/third segment boundary and its neighbours. */
  static Stream<Arguments> boundarySizes() {
    return Stream.of(CiphertextLayout.SEALING, CiphertextLayout.ONE_MIB)
        .flatMap(
            layout -> {
              long segment = layout.segmentSize();
              long plain = layout.plaintextSegmentSize();
              long first = segment - HEADER_SIZE - 16L;
              return LongStream.of(
                      0,
                      1,
                      first - 1,
                      first,
                      first + 1,
                      first + plain - 1,
                      first + plain,
                      first + plain + 1,
                      first + 2L * plain,
                      segment - 1,
                      segment,
                      segment + 1,
                      3L * segment + 12345)
                  .mapToObj(size -> Arguments.of(layout.segmentSize(), size));
            });
  }

  @ParameterizedTest
  @MethodSource("boundarySizes")
  void formula_matches_real_tink_ciphertext(int segmentSize, long plaintextSize) throws Exception {
    CiphertextLayout layout = new CiphertextLayout(segmentSize);
    long actual = encryptedSize(layout, plaintextSize);

    assertEquals(actual, layout.ciphertextSize(plaintextSize));
    assertEquals(plaintextSize, layout.plaintextSize(actual));
  }

  @Test
  void the_one_mib_layout_is_tinks_predefined_aes256_gcm_hkdf_1mb() {
    assertEquals(
        PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB,
        DataKeys.parameters(CiphertextLayout.ONE_MIB));
  }

  @Test
  void sizes_no_ciphertext_can_have_are_rejected() {
    assertThrows(IllegalArgumentException.class, () -> L.plaintextSize(10));
    assertThrows(IllegalArgumentException.class, () -> L.plaintextSize(55));
    assertThrows(IllegalArgumentException.class, () -> L.plaintextSize(SEGMENT_SIZE + 16));
    assertEquals(0, L.plaintextSize(56));
  }

  @Test
  void window_covers_whole_segments_of_the_range() {
    long size = L.ciphertextSize(10L * SEGMENT_SIZE);
    long secondSegmentStart = SEGMENT_SIZE - HEADER_SIZE - 16L;

    assertEquals(new CiphertextLayout.Window(0, SEGMENT_SIZE), L.window(0, 1, size));
    assertEquals(
        new CiphertextLayout.Window(SEGMENT_SIZE, 2L * SEGMENT_SIZE),
        L.window(secondSegmentStart, PLAINTEXT_SEGMENT_SIZE, size));
    assertEquals(
        new CiphertextLayout.Window(0, 2L * SEGMENT_SIZE),
        L.window(secondSegmentStart - 1, 2, size));
    assertEquals(
        new CiphertextLayout.Window(10L * SEGMENT_SIZE, size),
        L.window(10L * SEGMENT_SIZE - 1, 1, size)); // last byte, 11th segment
  }

  @Test
  void a_one_mib_range_needs_at_most_five_segments_of_256_kib() {
    long size = L.ciphertextSize(1L << 30);
    for (long offset = 0; offset < 3L * SEGMENT_SIZE; offset += 4099) {
      CiphertextLayout.Window w = L.window(offset, 1 << 20, size);
      assertTrue(w.end() - w.start() <= 5L * SEGMENT_SIZE, "at " + offset);
    }
  }

  private static long encryptedSize(CiphertextLayout layout, long plaintextSize) throws Exception {
    StreamingAead aead =
        KeysetHandle.generateNew(DataKeys.parameters(layout))
            .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
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
