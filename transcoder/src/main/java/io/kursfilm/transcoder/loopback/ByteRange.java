package io.kursfilm.transcoder.loopback;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One satisfiable byte range {@code [first, last]} of a resource, parsed from a {@code Range}
 * request header (RFC 9110, section 14). Only a single range in the {@code bytes} unit is served;
 * anything else the header may ask for is answered 416, so a response is never a surprise read of
 * the whole resource.
 *
 * @param first offset of the first byte
 * @param last offset of the last byte, inclusive
 */
record ByteRange(long first, long last) {

  // Up to 18 digits, so that a value always fits in a long.
  private static final Pattern SPEC = Pattern.compile("(\\d{1,18})?-(\\d{1,18})?");

  /** Thrown for a {@code Range} header that cannot be answered with a 206: send a 416. */
  static final class NotSatisfiableException extends Exception {
    NotSatisfiableException(String message) {
      super(message, null, false, false);
    }
  }

  ByteRange {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("not a byte range");
    }
  }

  long length() {
    return last - first + 1;
  }

  /** The {@code Content-Range} value of a 206 for a resource of {@code size} bytes. */
  String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }

  /**
   * The range a request asks for in a resource of {@code size} bytes.
   *
   * @param header the {@code Range} header, or {@code null} when there is none
   * @return empty when the whole resource is asked for (no header)
   * @throws NotSatisfiableException when the header is malformed, asks for several ranges or for
   *     none that lies inside the resource
   */
  static Optional<ByteRange> parse(String header, long size) throws NotSatisfiableException {
    if (header == null) {
      return Optional.empty();
    }
    String value = header.strip();
    int equals = value.indexOf('=');
    if (equals < 0
        || !"bytes".equals(value.substring(0, equals).strip().toLowerCase(Locale.ROOT))) {
      throw new NotSatisfiableException("only byte ranges are served");
    }
    Matcher spec = SPEC.matcher(value.substring(equals + 1).strip());
    if (!spec.matches() || (spec.group(1) == null && spec.group(2) == null)) {
      throw new NotSatisfiableException("not a single byte range");
    }
    if (spec.group(1) == null) {
      long suffix = Long.parseLong(spec.group(2));
      if (suffix == 0 || size == 0) {
        throw new NotSatisfiableException("empty suffix range");
      }
      return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
    }
    long first = Long.parseLong(spec.group(1));
    long last = spec.group(2) == null ? size - 1 : Long.parseLong(spec.group(2));
    if (first >= size) {
      throw new NotSatisfiableException("range starts beyond the end");
    }
    if (last < first) {
      throw new NotSatisfiableException("range ends before it starts");
    }
    return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
  }
}
