package io.kursfilm.storage.objects;

import io.minio.GetObjectResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * The answer to one ranged GET that also told what a stat would have: the caller reads and closes
 * {@code body}, and gets size and metadata without a second request.
 *
 * @param body the stored bytes {@code [offset, offset + length)}
 * @param offset stored offset of the body's first byte
 * @param length bytes in the body (the server cuts a range at the end of the object)
 * @param info size and user metadata of the whole object
 */
public record RangeResponse(InputStream body, long offset, long length, ObjectInfo info)
    implements AutoCloseable {

  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
  private static final String USER_METADATA_PREFIX = "x-amz-meta-";

  /**
   * Reads extent and size from {@code Content-Range: bytes first-last/size} and the user metadata
   * from the {@code x-amz-meta-*} headers. Empty, with the response closed, when the server
   * answered without a Content-Range (it ignored the range).
   */
  static Optional<RangeResponse> of(String key, GetObjectResponse response) throws IOException {
    Headers headers = response.headers();
    Matcher range = CONTENT_RANGE.matcher(String.valueOf(headers.get("Content-Range")));
    if (!range.matches()) {
      response.close();
      return Optional.empty();
    }
    long first = Long.parseLong(range.group(1));
    long last = Long.parseLong(range.group(2));
    long size = Long.parseLong(range.group(3));
    Map<String, String> metadata = new HashMap<>();
    for (String name : headers.names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith(USER_METADATA_PREFIX)) {
        metadata.put(lower.substring(USER_METADATA_PREFIX.length()), headers.get(name));
      }
    }
    return Optional.of(
        new RangeResponse(response, first, last - first + 1, new ObjectInfo(key, size, metadata)));
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
