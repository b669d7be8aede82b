package io.kursfilm.operator.control;

import io.kursfilm.storage.objects.ObjectSummary;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether one object of a tenant's bucket is an orphan: no row owns it and it is older than
 * the grace period. Objects younger than the grace are never orphans, because their row may not
 * have committed yet (an upload's first chunk, a rendition being written, an export part). Keys it
 * does not recognise are never orphans either: deleting what one does not understand is how data
 * gets lost. The key layout is the one of {@code transcoder.job.VideoObjects} ({@code
 * videos/<versionId>/original…, hls/<rendition>/…, captions/<language>.vtt}) and of {@code
 * offboarding.control.ExportParts} ({@code export/<offboardingId>/part-NNNNNN}).
 */
public final class OrphanRule {

  static final String VIDEOS = "videos/";
  static final String EXPORTS = "export/";

  private OrphanRule() {}

  /** The orphan kind of {@code object}, or empty when it is owned, young or unknown. */
  public static Optional<OrphanKind> judge(ObjectSummary object, Owners owners, Instant cutoff) {
    if (object.lastModified() == null || !object.lastModified().isBefore(cutoff)) {
      return Optional.empty();
    }
    String key = object.key();
    if (key.startsWith(VIDEOS)) {
      return video(key.substring(VIDEOS.length()), owners);
    }
    if (key.startsWith(EXPORTS)) {
      String id = firstSegment(key.substring(EXPORTS.length()));
      return id == null || owners.exports().contains(id)
          ? Optional.empty()
          : Optional.of(OrphanKind.EXPORT);
    }
    return Optional.empty();
  }

  private static Optional<OrphanKind> video(String rest, Owners owners) {
    String versionId = firstSegment(rest);
    if (versionId == null) {
      return Optional.empty();
    }
    Owners.Version version = owners.versions().get(versionId);
    if (version == null) {
      return Optional.of(OrphanKind.VERSION);
    }
    String inside = rest.substring(versionId.length() + 1);
    if (inside.startsWith("hls/")) {
      String rendition = "videos/" + versionId + "/hls/" + firstSegment(inside.substring(4));
      boolean published = version.rendition().map(rendition::equals).orElse(false);
      // A running job writes a rendition no row names yet; the outcome applier removes the others.
      return published || version.transcoding() || firstSegment(inside.substring(4)) == null
          ? Optional.empty()
          : Optional.of(OrphanKind.RENDITION);
    }
    if (inside.startsWith("captions/") && inside.endsWith(".vtt")) {
      String language = inside.substring("captions/".length(), inside.length() - ".vtt".length());
      return owners.captions().contains(versionId + "/" + language)
          ? Optional.empty()
          : Optional.of(OrphanKind.CAPTION);
    }
    return Optional.empty();
  }

  /**
   * The part of {@code path} before its first slash; null when there is no slash or it is empty.
   */
  private static String firstSegment(String path) {
    int slash = path.indexOf('/');
    return slash <= 0 ? null : path.substring(0, slash);
  }
}
