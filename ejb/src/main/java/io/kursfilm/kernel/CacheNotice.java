package io.kursfilm.kernel;

import java.util.Optional;

/**
 * What a node keeps in memory about a tenant (its state, keys, cached ciphertext) or about one of
 * its videos (renditions being played) went stale: every node drops it. Fired as a CDI event by the
 * component that made the change, after its transaction; the platform carries it to the other nodes
 * of the cluster, where it arrives with the {@link FromPeer} qualifier.
 *
 * @param videoId empty when the whole tenant changed (frozen, thawed, shredded)
 */
public record CacheNotice(String tenantId, Optional<String> videoId) {

  private static final char SEPARATOR = '/';

  public CacheNotice {
    if (tenantId == null || tenantId.isEmpty() || tenantId.indexOf(SEPARATOR) >= 0) {
      throw new IllegalArgumentException("bad tenant id");
    }
    if (videoId.filter(id -> id.isEmpty() || id.indexOf(SEPARATOR) >= 0).isPresent()) {
      throw new IllegalArgumentException("bad video id");
    }
  }

  public static CacheNotice tenant(String tenantId) {
    return new CacheNotice(tenantId, Optional.empty());
  }

  public static CacheNotice video(String tenantId, String videoId) {
    return new CacheNotice(tenantId, Optional.of(videoId));
  }

  /** The form that travels between nodes: plain text, so no class has to be loaded to read it. */
  public String encode() {
    return videoId.map(v -> tenantId + SEPARATOR + v).orElse(tenantId);
  }

  /**
   * @throws IllegalArgumentException when {@code text} is not what {@link #encode} writes
   */
  public static CacheNotice decode(String text) {
    int at = text.indexOf(SEPARATOR);
    return at < 0 ? tenant(text) : video(text.substring(0, at), text.substring(at + 1));
  }
}
