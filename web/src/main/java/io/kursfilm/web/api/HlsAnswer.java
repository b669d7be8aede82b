package io.kursfilm.web.api;

import io.kursfilm.storage.http.ByteRange;
import io.kursfilm.video.boundary.PlaybackFile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How one HLS file answers a request, decided from its two request headers before a byte is read:
 * 304 for a matching {@code If-None-Match}, 416 for a range that cannot be served, else 200 or 206
 * with the bytes {@code [offset, offset + length)}. Both ways a file leaves the app send this
 * answer: the servlet fast path ({@link HlsFilter}) and the JAX-RS endpoints ({@link
 * HlsResponses}).
 *
 * @param status the HTTP status
 * @param headers the response headers, in order
 * @param offset first plaintext byte of the body
 * @param length bytes of the body; 0 for 304 and 416
 */
record HlsAnswer(int status, Map<String, String> headers, long offset, long length) {

  static HlsAnswer of(PlaybackFile file, String range, String ifNoneMatch) {
    String etag = file.etag();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ETag", etag);
    headers.put("Cache-Control", cacheControl(file.playlist()));
    if (EntityTags.noneMatchFails(ifNoneMatch, etag)) {
      return new HlsAnswer(304, headers, 0, 0);
    }
    Optional<ByteRange> asked;
    try {
      asked = ByteRange.parse(range, file.size());
    } catch (ByteRange.NotSatisfiableException e) {
      return new HlsAnswer(
          416, Map.of("Content-Range", ByteRange.unsatisfiedContentRange(file.size())), 0, 0);
    }
    long offset = asked.map(ByteRange::first).orElse(0L);
    long length = asked.map(ByteRange::length).orElse(file.size());
    asked.ifPresent(r -> headers.put("Content-Range", r.contentRange(file.size())));
    headers.put("Content-Type", file.contentType());
    headers.put("Accept-Ranges", "bytes");
    headers.put("Content-Length", Long.toString(length));
    return new HlsAnswer(asked.isPresent() ? 206 : 200, headers, offset, length);
  }

  /** Whether the answer carries the file's bytes. */
  boolean hasBody() {
    return status == 200 || status == 206;
  }

  /**
   * Private content, never in shared caches. Playlists are revalidated (the ETag check passes
   * through the video's current state); media is never stored, so nothing of a video stays in a
   * browser's cache once it is archived or deleted.
   */
  static String cacheControl(boolean playlist) {
    return playlist ? "private, no-cache" : "private, no-store";
  }
}
