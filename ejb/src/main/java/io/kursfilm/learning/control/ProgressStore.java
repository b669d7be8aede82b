package io.kursfilm.learning.control;

import io.kursfilm.kernel.ConflictException;
import io.kursfilm.learning.entity.WatchProgress;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The watch progress rows of the tenant bound to the transaction. */
@Dependent
public class ProgressStore {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  /** The person's row for the video, write-locked when asked (reports of one person serialise). */
  public Optional<WatchProgress> find(String userId, String videoId, LockModeType lock) {
    return em.createNamedQuery(WatchProgress.OF_USER_AND_VIDEO, WatchProgress.class)
        .setParameter("userId", userId)
        .setParameter("videoId", videoId)
        .setLockMode(lock)
        .getResultStream()
        .findFirst();
  }

  /**
   * The person's row for the video, locked, or a new one for {@code version}.
   *
   * @throws ConflictException when another first report of the same person and video won
   */
  public WatchProgress findOrCreate(
      String userId, String videoId, int version, int segmentCount, Instant now) {
    Optional<WatchProgress> found = find(userId, videoId, LockModeType.PESSIMISTIC_WRITE);
    if (found.isPresent()) {
      return found.get();
    }
    WatchProgress created = new WatchProgress(userId, videoId, version, segmentCount, now);
    try {
      em.persist(created);
      em.flush();
    } catch (PersistenceException e) {
      throw new ConflictException("another progress report was stored at the same time; retry");
    }
    return created;
  }

  /** The person's rows, most recently reported first. */
  public List<WatchProgress> ofUser(String userId) {
    return em.createNamedQuery(WatchProgress.OF_USER, WatchProgress.class)
        .setParameter("userId", userId)
        .getResultList();
  }

  /** The watched segments of a row (its own segment count). */
  public static WatchedSegments segments(WatchProgress row) {
    return WatchedSegments.decode(row.segmentCount(), row.segments());
  }
}
