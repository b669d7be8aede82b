package io.kursfilm.video.control;

import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.objects.ObjectSummary;
import io.kursfilm.storage.sealed.SealedChunks;
import io.kursfilm.transcoder.job.OutcomeKind;
import io.kursfilm.transcoder.job.VideoObjects;
import io.kursfilm.video.control.OutcomeRules.Decision;
import io.kursfilm.video.entity.VideoTransition;
import io.kursfilm.video.entity.VideoVersion;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies one reported transcode outcome in a transaction of its own, in the outcome's tenant: the
 * version moves through {@link VideoLifecycle} (audited with no actor: the system), or the outcome
 * is refused and what it handed over is deleted. Object deletions happen before the commit, so a
 * failure leaves the outcome to be tried again rather than objects nobody knows of.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutcomeApplier {

  private static final Logger LOG = Logger.getLogger(OutcomeApplier.class.getName());

  /** What became of an outcome this time. */
  public enum Result {
    /** Applied or refused; the row is gone. */
    DONE,
    /** Another node holds it, or it is gone already. */
    TAKEN,
    /** An older outcome of the same version comes first. */
    WAITING
  }

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject TenantFilter filter;
  @Inject OutcomeRows rows;
  @Inject VideoLifecycle lifecycle;
  @Inject ObjectStore store;
  @Inject SealedChunks chunks;

  public List<OutcomeRows.Due> due(int limit) {
    return rows.due(limit);
  }

  /** Applies or refuses outcome {@code id}, which belongs to tenant {@code tenantId}. */
  public Result apply(long id, String tenantId) {
    // First in the transaction: every entity access below is the outcome's tenant's only.
    filter.bind(tenantId);
    Optional<ReportedOutcome> locked = rows.lock(id);
    if (locked.isEmpty()) {
      return Result.TAKEN;
    }
    ReportedOutcome outcome = locked.get();
    if (!outcome.tenantId().equals(tenantId)) {
      throw new IllegalStateException("outcome " + id + " changed its tenant");
    }
    if (rows.olderPending(outcome)) {
      return Result.WAITING;
    }
    VideoVersion version =
        em.find(VideoVersion.class, outcome.versionId(), LockModeType.PESSIMISTIC_WRITE);
    Decision decision =
        OutcomeRules.decide(
            outcome.kind(),
            version == null ? null : OutcomeRules.Standing.of(version, outcome.claim()));
    switch (decision.verdict()) {
      case APPLY -> move(version, outcome, decision.transition());
      case PROGRESS -> version.progress(outcome.percent() == null ? 0 : outcome.percent());
      case DISCARD -> discard(version, tenantId);
      case REFUSE -> refuse(version, outcome, decision.why());
    }
    rows.remove(id);
    return Result.DONE;
  }

  /** Applying outcome {@code id} failed: it waits before it is tried again. */
  public void postpone(long id) {
    rows.postpone(id);
  }

  private void move(VideoVersion version, ReportedOutcome outcome, VideoTransition transition) {
    String tenantId = outcome.tenantId();
    switch (transition) {
      case START_PROCESSING -> version.claimedBy(outcome.claim());
      case REJECT_INPUT -> {
        // The input is unusable for good: its original goes (the attempt removed its own outputs).
        chunks.deleteAll(tenantId, VideoObjects.original(version.id()));
        version.failedBecause(outcome.reason(), outcome.detail());
      }
      case FAIL -> version.failedBecause(outcome.reason(), outcome.detail());
      case FINISH_PROCESSING -> {
        if (!complete(outcome)) {
          refuse(version, outcome, "the rendition is incomplete");
          return;
        }
        version.rendered(
            outcome.rendition(),
            outcome.duration(),
            outcome.width(),
            outcome.height(),
            outcome.mediaSha256());
        removeOtherRenditions(tenantId, version.id(), outcome.rendition());
      }
      default -> throw new IllegalStateException(transition + " is no transcode outcome");
    }
    lifecycle.apply(version, transition, null, null);
  }

  /**
   * Whether the published prefix is one of this version's renditions and its master playlist, which
   * the job seals last, is stored: a publication whose objects were removed again (a report whose
   * commit the job did not see) must not point the version at nothing.
   */
  private boolean complete(ReportedOutcome outcome) {
    return ownRendition(outcome)
        && store.exists(outcome.tenantId(), VideoObjects.masterPlaylist(outcome.rendition()));
  }

  /** Cancel wins: the version and everything stored for it go. */
  private void discard(VideoVersion version, String tenantId) {
    store.deleteByPrefix(tenantId, VideoObjects.video(version.id()));
    lifecycle.discard(version);
  }

  private void refuse(VideoVersion version, ReportedOutcome outcome, String why) {
    Level level = outcome.kind() == OutcomeKind.PROGRESS ? Level.FINE : Level.INFO;
    LOG.log(
        level,
        () ->
            "transcode outcome "
                + outcome.id()
                + " ("
                + outcome.kind()
                + ") of version "
                + outcome.versionId()
                + " refused: "
                + why);
    if (outcome.kind() != OutcomeKind.PUBLISHED || !ownRendition(outcome)) {
      return;
    }
    boolean inUse = version != null && version.rendition().equals(Optional.of(outcome.rendition()));
    if (!inUse) {
      store.deleteByPrefix(outcome.tenantId(), outcome.rendition() + "/");
    }
  }

  /** Whether the outcome's rendition lies where this version's renditions lie (never elsewhere). */
  private static boolean ownRendition(ReportedOutcome outcome) {
    String prefix = outcome.rendition();
    String own = VideoObjects.renditions(outcome.versionId());
    return prefix != null
        && prefix.startsWith(own)
        && prefix.length() > own.length()
        && prefix.indexOf('/', own.length()) < 0;
  }

  /** Renditions of crashed or overtaken attempts of this version: only the published one stays. */
  private void removeOtherRenditions(String tenantId, String versionId, String keep) {
    List<String> others =
        store.list(tenantId, VideoObjects.renditions(versionId)).stream()
            .map(ObjectSummary::key)
            .filter(key -> !key.startsWith(keep + "/"))
            .toList();
    if (!others.isEmpty()) {
      store.deleteAll(tenantId, others);
    }
  }
}
