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
    // Lock only a row that exists. A locking read of a missing row takes a gap lock in InnoDB,
    // shared by everybody whose key falls into the same gap, and their inserts then deadlock: 200
    // people starting one video together lost a third of their first reports that way (issue 16's
    // load). Inserts of different people do not block each other; the same person's twin insert
    // hits the unique key and gets the conflict below.
    if (exists(userId, videoId)) {
      return find(userId, videoId, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
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

  /** Whether the row exists; a count, so the locking read after it loads the entity fresh. */
  private boolean exists(String userId, String videoId) {
    return em.createQuery(
                "select count(p) from WatchProgress p"
                    + " where p.userId = :userId and p.videoId = :videoId",
                Long.class)
            .setParameter("userId", userId)
            .setParameter("videoId", videoId)
            .getSingleResult()
        > 0;
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
