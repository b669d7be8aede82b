package io.kursfilm.kernel;

import java.util.Optional;

/**
 * What a node keeps in memory about a tenant (its state, keys, cached ciphertext), about one of its
 * videos (renditions being played) or about one of its users (who they are, for the sessions they
 * hold) went stale: every node drops it. Fired as a CDI event by the component that made the
 * change, after its transaction; the platform carries it to the other nodes of the cluster, where
 * it arrives with the {@link FromPeer} qualifier.
 *
 * @param videoId present when one video changed
 * @param userId present when one user changed (roles, activity, sessions ended, logged out)
 */
public record CacheNotice(String tenantId, Optional<String> videoId, Optional<String> userId) {

  private static final char SEPARATOR = '/';
  private static final String USER = "user" + SEPARATOR;

  public CacheNotice {
    if (tenantId == null || tenantId.isEmpty() || tenantId.indexOf(SEPARATOR) >= 0) {
      throw new IllegalArgumentException("bad tenant id");
    }
    if (videoId.filter(CacheNotice::bad).isPresent()
        || userId.filter(CacheNotice::bad).isPresent()) {
      throw new IllegalArgumentException("bad video or user id");
    }
    if (videoId.isPresent() && userId.isPresent()) {
      throw new IllegalArgumentException("a notice is about a video or a user, not both");
    }
  }

  private static boolean bad(String id) {
    return id.isEmpty() || id.indexOf(SEPARATOR) >= 0;
  }

  /** The whole tenant changed (frozen, thawed, shredded). */
  public static CacheNotice tenant(String tenantId) {
    return new CacheNotice(tenantId, Optional.empty(), Optional.empty());
  }

  public static CacheNotice video(String tenantId, String videoId) {
    return new CacheNotice(tenantId, Optional.of(videoId), Optional.empty());
  }

  public static CacheNotice user(String tenantId, String userId) {
    return new CacheNotice(tenantId, Optional.empty(), Optional.of(userId));
  }

  /** Whether everything kept about the tenant is stale, not just one video's or user's. */
  public boolean tenantWide() {
    return videoId.isEmpty() && userId.isEmpty();
  }

  /** The form that travels between nodes: plain text, so no class has to be loaded to read it. */
  public String encode() {
    return videoId
        .map(v -> tenantId + SEPARATOR + v)
        .or(() -> userId.map(u -> tenantId + SEPARATOR + USER + u))
        .orElse(tenantId);
  }

  /**
   * @throws IllegalArgumentException when {@code text} is not what {@link #encode} writes
   */
  public static CacheNotice decode(String text) {
    int at = text.indexOf(SEPARATOR);
    if (at < 0) {
      return tenant(text);
    }
    String tenantId = text.substring(0, at);
    String rest = text.substring(at + 1);
    return rest.startsWith(USER)
        ? user(tenantId, rest.substring(USER.length()))
        : video(tenantId, rest);
  }
}
