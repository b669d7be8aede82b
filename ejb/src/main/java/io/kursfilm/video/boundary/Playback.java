package io.kursfilm.video.boundary;

import io.kursfilm.identity.control.Caller;
import io.kursfilm.identity.entity.Role;
import io.kursfilm.storage.sealed.SealedObjectException;
import io.kursfilm.storage.sealed.SealedObjects;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves a video's sealed HLS files to callers allowed to watch it: the rendition is looked up
 * through {@link Videos} (tenant and role checked there), the bytes are decrypted on the fly, a
 * range at a time. Paths are checked against the shape the transcoder writes, so no request names
 * an object outside the rendition.
 */
@Stateless
@RolesAllowed({Role.Names.TRAINER, Role.Names.CRITIC, Role.Names.TENANT_ADMIN, Role.Names.EMPLOYEE})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Playback {

  private static final Pattern PATH =
      Pattern.compile("([0-9]{3,4}p/|thumbs/)?[A-Za-z0-9_-]{1,64}\\.(m3u8|mp4|m4s|jpg|vtt)");

  private static final Map<String, String> TYPES =
      Map.of(
          "m3u8", "application/vnd.apple.mpegurl",
          "mp4", "video/mp4",
          "m4s", "video/iso.segment",
          "jpg", "image/jpeg",
          "vtt", "text/vtt");

  @Inject Caller caller;
  @Inject Videos videos;
  @Inject SealedObjects sealed;

  /**
   * The file at {@code path} of the video's rendition; empty when absent or not for this caller.
   */
  public Optional<PlaybackFile> file(String videoId, String path) {
    if (!PATH.matcher(path).matches()) {
      return Optional.empty();
    }
    Optional<String> rendition = videos.watchableRendition(videoId);
    if (rendition.isEmpty()) {
      return Optional.empty();
    }
    String tenantId = caller.require().tenantId();
    String objectId = rendition.get() + "/" + path;
    try {
      long size = sealed.plaintextSize(tenantId, objectId);
      String extension = path.substring(path.lastIndexOf('.') + 1);
      return Optional.of(
          new PlaybackFile(
              tenantId, objectId, size, TYPES.get(extension), extension.equals("m3u8")));
    } catch (SealedObjectException e) {
      return Optional.empty();
    }
  }

  /** Decrypted bytes {@code offset} to {@code offset + length} of a file found above. */
  public InputStream open(PlaybackFile file, long offset, long length) {
    return sealed.openRange(file.tenantId(), file.objectId(), offset, length);
  }
}
