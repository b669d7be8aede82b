package io.kursfilm.web.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * How an HLS file's bytes reach the response: a client going away is normal, our failure is not.
 */
class HlsCopyTest {

  @Test
  void copies_every_byte() throws IOException {
    byte[] bytes = new byte[300_000];
    new Random(1).nextBytes(bytes);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    HlsResponses.copy(new ByteArrayInputStream(bytes), out);

    assertArrayEquals(bytes, out.toByteArray());
  }

  @Test
  void a_client_that_goes_away_mid_file_ends_the_copy_quietly() throws IOException {
    int[] writes = {0};
    OutputStream gone =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            writes[0]++;
            throw new IOException("Connection reset by peer");
          }
        };

    HlsResponses.copy(new ByteArrayInputStream(new byte[100_000]), gone);

    assertEquals(1, writes[0], "nothing is written after the client left");
  }

  @Test
  void a_failed_read_is_ours_and_propagates() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("sealed segment 3 failed authentication");
          }
        };

    IOException e =
        assertThrows(
            IOException.class, () -> HlsResponses.copy(broken, new ByteArrayOutputStream()));
    assertEquals("sealed segment 3 failed authentication", e.getMessage());
  }
}
