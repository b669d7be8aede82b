package io.kursfilm.web.api;

/**
 * {@code If-None-Match} against one entity tag (RFC 9110, section 13.1.2): the condition fails, and
 * a GET is answered 304, when the header is {@code *} or lists a tag that matches by weak
 * comparison ({@code W/"x"} matches {@code "x"}). Written out because the HLS fast path answers
 * outside JAX-RS, whose {@code Request.evaluatePreconditions} does this for resource methods.
 */
final class EntityTags {

  private EntityTags() {}

  /** Whether {@code ifNoneMatch} (null when absent) names {@code etag}, a strong tag. */
  static boolean noneMatchFails(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    if (ifNoneMatch.strip().equals("*")) {
      return true;
    }
    String opaque = opaque(etag);
    int at = 0;
    while (at < ifNoneMatch.length()) {
      int open = ifNoneMatch.indexOf('"', at);
      if (open < 0) {
        return false;
      }
      int close = ifNoneMatch.indexOf('"', open + 1);
      if (close < 0) {
        return false;
      }
      if (ifNoneMatch.regionMatches(open + 1, opaque, 0, opaque.length())
          && close - open - 1 == opaque.length()) {
        return true;
      }
      at = close + 1;
    }
    return false;
  }

  /** The characters between the quotes of a tag, weak prefix dropped. */
  private static String opaque(String etag) {
    String strong = etag.startsWith("W/") ? etag.substring(2) : etag;
    return strong.substring(1, strong.length() - 1);
  }
}
