package io.kursfilm.video.boundary;

import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import io.kursfilm.storage.sealed.SealedObjectException;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.video.control.PlaybackCache;
import io.kursfilm.video.control.Rendition;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves a video's sealed HLS files to callers allowed to watch it: the rendition is looked up
 * through {@link Videos} and kept briefly (tenant in every key, role checked here per request), the
 * bytes are decrypted on the fly, a range at a time, with one GET thanks to the kept receipt. Paths
 * are checked against the shape the transcoder writes, so no request names an object outside the
 * rendition.
 */
@Stateless
@RolesAllowed({Role.Names.TRAINER, Role.Names.CRITIC, Role.Names.TENANT_ADMIN, Role.Names.EMPLOYEE})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Playback {

  static final Pattern PATH =
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
  @Inject PlaybackCache cache;

  /**
   * The file at {@code path} of the video's rendition; empty when absent or not for this caller.
   * Whether the caller may watch is decided on every call, from a state at most {@code
   * kursfilm.playback.cache-ttl} old (see {@link PlaybackCache}).
   */
  public Optional<PlaybackFile> file(String videoId, String path) {
    return file(videoId, null, path);
  }

  /**
   * Like {@link #file(String, String)}, in the version behind {@code selector}: a version number
   * (trainers, critics and admins only) or {@code null} for the one the caller sees.
   */
  public Optional<PlaybackFile> file(String videoId, Integer version, String path) {
    if (!PATH.matcher(path).matches()) {
      return Optional.empty();
    }
    AuthenticatedCaller who = caller.require();
    String tenantId = who.tenantId();
    String selector = version == null ? Videos.defaultSelector(who) : version.toString();
    Optional<Rendition> rendition =
        cache
            .rendition(tenantId, videoId, selector, s -> videos.rendition(videoId, s))
            .filter(r -> Videos.mayWatch(who, selector, r.state()));
    if (rendition.isEmpty()) {
      return Optional.empty();
    }
    String objectId = rendition.get().prefix() + "/" + path;
    try {
      return cache
          .receipt(tenantId, objectId, id -> sealed.describe(tenantId, id))
          .map(receipt -> fileOf(receipt, path));
    } catch (SealedObjectException e) {
      return Optional.empty();
    }
  }

  /** The file at {@code path} (already checked against {@link #PATH}) stored as {@code receipt}. */
  static PlaybackFile fileOf(io.kursfilm.storage.sealed.SealedObject receipt, String path) {
    String extension = path.substring(path.lastIndexOf('.') + 1);
    return new PlaybackFile(receipt, TYPES.get(extension), extension.equals("m3u8"));
  }
}
