package io.kursfilm.web.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of an HTTP {@code Range} header (RFC 9110 §14.1.2): {@code bytes=a-b}, {@code
 * bytes=a-} or {@code bytes=-n}. Multiple ranges are answered with the whole content, which the RFC
 * allows and players never ask for.
 */
record ByteRange(long offset, long length) {

  // Any number of digits: a position beyond what a long holds is still a position, just past the
  // end of any content (9223372036854775807- must be 416, not ignored).
  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  /**
   * The range {@code header} asks for within {@code size} bytes: empty for no or an unusable header
   * (send everything), {@link #UNSATISFIABLE} when it lies outside the content.
   */
  static Optional<ByteRange> parse(String header, long size) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher m = SINGLE.matcher(header.strip());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return Optional.empty();
    }
    if (m.group(1).isEmpty()) {
      long suffix = position(m.group(2));
      if (suffix == 0 || size == 0) {
        return Optional.of(UNSATISFIABLE);
      }
      long length = Math.min(suffix, size);
      return Optional.of(new ByteRange(size - length, length));
    }
    long first = position(m.group(1));
    long last = m.group(2).isEmpty() ? size - 1 : position(m.group(2));
    if (first >= size || last < first) {
      return Optional.of(UNSATISFIABLE);
    }
    return Optional.of(new ByteRange(first, Math.min(last, size - 1) - first + 1));
  }

  /** A decimal position; one too large for a long is taken as the largest, past any content. */
  private static long position(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException tooLarge) {
      return Long.MAX_VALUE;
    }
  }

  static final ByteRange UNSATISFIABLE = new ByteRange(-1, 0);

  boolean satisfiable() {
    return offset >= 0;
  }

  String contentRange(long size) {
    return "bytes " + offset + "-" + (offset + length - 1) + "/" + size;
  }
}
