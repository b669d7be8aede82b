package io.kursfilm.learning.control;

import io.kursfilm.learning.entity.VideoCompleted;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Completions of videos in the tenant bound to the transaction: the progress rules record them,
 * assignments and certificates read the latest per person and video.
 */
@Dependent
public class Completions {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  /** Records that {@code userId} completed version {@code version} of a video at {@code at}. */
  public VideoCompleted record(String userId, String videoId, int version, Instant at) {
    VideoCompleted completed = new VideoCompleted(userId, videoId, version, at);
    em.persist(completed);
    return completed;
  }

  /** The latest completion per user and video of {@code userIds}, in one query. */
  public Map<String, Map<String, Instant>> latest(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    return grouped(
        em.createNamedQuery(VideoCompleted.LATEST_OF_USERS, Object[].class)
            .setParameter("userIds", List.copyOf(userIds))
            .getResultList());
  }

  /** The latest completion per user and video, limited to {@code videoIds}, in one query. */
  public Map<String, Map<String, Instant>> latest(
      Collection<String> userIds, Collection<String> videoIds) {
    if (userIds.isEmpty() || videoIds.isEmpty()) {
      return Map.of();
    }
    return grouped(
        em.createNamedQuery(VideoCompleted.LATEST_OF_USERS_AND_VIDEOS, Object[].class)
            .setParameter("userIds", List.copyOf(userIds))
            .setParameter("videoIds", List.copyOf(videoIds))
            .getResultList());
  }

  private static Map<String, Map<String, Instant>> grouped(List<Object[]> rows) {
    Map<String, Map<String, Instant>> byUser = new HashMap<>();
    for (Object[] row : rows) {
      byUser
          .computeIfAbsent((String) row[0], u -> new HashMap<>())
          .put((String) row[1], toInstant(row[2]));
    }
    return byUser;
  }

  // max() over a converted attribute comes back as the column's JDBC type, not the converted one.
  private static Instant toInstant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof java.time.LocalDateTime local) {
      return java.sql.Timestamp.valueOf(local).toInstant();
    }
    throw new IllegalStateException("unexpected completion time " + value.getClass());
  }
}
