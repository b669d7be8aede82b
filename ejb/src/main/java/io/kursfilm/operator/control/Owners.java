package io.kursfilm.operator.control;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rows of one tenant that own objects in its bucket, read just before its objects are judged.
 *
 * @param versions each version id with its rendition prefix (empty when it has none yet) and
 *     whether a transcode job may be writing a rendition for it right now
 * @param captions caption objects that have a row, as {@code versionId/language}
 * @param exports offboarding ids whose export parts are still wanted (not cancelled)
 */
public record Owners(Map<String, Version> versions, Set<String> captions, Set<String> exports) {

  /** A version row as far as its objects are concerned. */
  public record Version(Optional<String> rendition, boolean transcoding) {}
}
