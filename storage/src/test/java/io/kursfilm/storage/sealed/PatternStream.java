package io.kursfilm.storage.sealed;

import java.io.InputStream;

/**
 * A deterministic pseudo-random byte stream of a given length (xorshift64), so large test objects
 * are generated on the fly instead of held in memory. Same seed, same bytes.
 */
public final class PatternStream extends InputStream {

  private long remaining;
  private long state;

  public PatternStream(long length, long seed) {
    this.remaining = length;
    this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (remaining <= 0) {
      return len == 0 ? 0 : -1;
    }
    int n = (int) Math.min(len, remaining);
    int i = 0;
    while (i < n) {
      state ^= state << 13;
      state ^= state >>> 7;
      state ^= state << 17;
      long word = state;
      for (int k = 0; k < 8 && i < n; k++, i++) {
        b[off + i] = (byte) word;
        word >>>= 8;
      }
    }
    remaining -= n;
    return n;
  }
}
