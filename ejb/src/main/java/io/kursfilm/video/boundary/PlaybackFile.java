package io.kursfilm.video.boundary;

import io.kursfilm.storage.sealed.SealedObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file of a video's HLS rendition, found and authorised, ready to be streamed.
 *
 * @param receipt where the sealed file lies; its data key stays wrapped until a range is opened
 * @param contentType media type to send
 * @param playlist playlists are revalidated, segments and images may be cached privately
 */
public record PlaybackFile(SealedObject receipt, String contentType, boolean playlist) {

  /** Plaintext bytes. */
  public long size() {
    return receipt.plaintextSize();
  }

  /**
   * A strong entity tag: the object id holds the rendition's prefix, new for every transcode
   * attempt, so the id names the content. Hashed, so storage ids do not reach clients.
   */
  public String etag() {
    try {
      byte[] id = (receipt.tenantId() + "|" + receipt.objectId()).getBytes(StandardCharsets.UTF_8);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(id);
      return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
