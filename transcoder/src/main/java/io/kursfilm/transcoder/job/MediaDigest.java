package io.kursfilm.transcoder.job;

import io.kursfilm.transcoder.loopback.RangeSource;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of an original's plaintext, read once from start to end. It names the exact media a
 * rendition was made from, so a review can be tied to it and anyone holding the file can check it
 * with {@code sha256sum}. Chunks of a resumable upload arrive in any order and on any node, so the
 * hash is taken here, from the sealed chunks, rather than while they arrive.
 */
final class MediaDigest {

  private MediaDigest() {}

  static String sha256(RangeSource original) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    byte[] buffer = new byte[256 * 1024];
    long read = 0;
    try (InputStream in = original.open(0, original.size())) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        digest.update(buffer, 0, n);
        read += n;
      }
    }
    if (read != original.size()) {
      throw new IOException("original ended after " + read + " of " + original.size() + " bytes");
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
