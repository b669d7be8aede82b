package io.kursfilm.storage.http;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One satisfiable byte range {@code [first, last]} of a resource, parsed from a {@code Range}
 * request header (RFC 9110, section 14). The one parser of that header: playback and the loopback
 * input answer a header alike. Only a single range in the {@code bytes} unit is served; a header
 * that is malformed, asks for several ranges or for none inside the resource is answered 416 with
 * {@code Content-Range: bytes *}{@code /size}, so a response is never a surprise read of the whole
 * resource. No dependency of ours parses this header (the JDK, Tink, minio-java and OkHttp do not),
 * hence this small class.
 *
 * @param first offset of the first byte
 * @param last offset of the last byte, inclusive
 */
public record ByteRange(long first, long last) {

  // Any number of digits: a position beyond what a long holds is still a position, just past the
  // end of any content (a start of 9223372036854775808 must be 416, an end that large clamps).
  private static final Pattern SPEC = Pattern.compile("(\\d+)?-(\\d+)?");

  /** Thrown for a {@code Range} header that cannot be answered with a 206: send a 416. */
  public static final class NotSatisfiableException extends Exception {
    private static final long serialVersionUID = 1L;

    NotSatisfiableException(String message) {
      super(message, null, false, false);
    }
  }

  /** Checks that the range is non-empty and starts at or after the first byte. */
  public ByteRange {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("not a byte range");
    }
  }

  /** The number of bytes in the range. */
  public long length() {
    return last - first + 1;
  }

  /** The {@code Content-Range} value of a 206 for a resource of {@code size} bytes. */
  public String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }

  /** The {@code Content-Range} value of a 416 for a resource of {@code size} bytes. */
  public static String unsatisfiedContentRange(long size) {
    return "bytes */" + size;
  }

  /**
   * The range a request asks for in a resource of {@code size} bytes.
   *
   * @param header the {@code Range} header, or {@code null} when there is none
   * @return empty when the whole resource is asked for (no header)
   * @throws NotSatisfiableException when the header is malformed, asks for several ranges or for
   *     none that lies inside the resource
   */
  public static Optional<ByteRange> parse(String header, long size) throws NotSatisfiableException {
    if (header == null) {
      return Optional.empty();
    }
    String value = header.strip();
    int equals = value.indexOf('=');
    // The range unit is case-insensitive (RFC 9110, section 14.1).
    if (equals < 0
        || !"bytes".equals(value.substring(0, equals).strip().toLowerCase(Locale.ROOT))) {
      throw new NotSatisfiableException("only byte ranges are served");
    }
    Matcher spec = SPEC.matcher(value.substring(equals + 1).strip());
    if (!spec.matches() || (spec.group(1) == null && spec.group(2) == null)) {
      throw new NotSatisfiableException("not a single byte range");
    }
    if (spec.group(1) == null) {
      long suffix = position(spec.group(2));
      if (suffix == 0 || size == 0) {
        throw new NotSatisfiableException("empty suffix range");
      }
      return Optional.of(new ByteRange(size - Math.min(suffix, size), size - 1));
    }
    long first = position(spec.group(1));
    long last = spec.group(2) == null ? size - 1 : position(spec.group(2));
    if (first >= size) {
      throw new NotSatisfiableException("range starts beyond the end");
    }
    if (last < first) {
      throw new NotSatisfiableException("range ends before it starts");
    }
    return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
  }

  /** A decimal position; one too large for a long is taken as the largest, past any content. */
  private static long position(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException tooLarge) {
      return Long.MAX_VALUE;
    }
  }
}
