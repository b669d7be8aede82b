package io.kursfilm.video.control;

import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.transcoder.job.VideoObjects;
import io.kursfilm.video.boundary.VideoState;
import io.kursfilm.video.entity.VideoVersion;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Removes a resumable upload nobody continued, in its tenant and a transaction of its own, through
 * {@link VideoLifecycle#discard} like every other removal of a version that never got its media.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AbandonedUploads {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject TenantFilter filter;
  @Inject VideoLifecycle lifecycle;
  @Inject ObjectStore store;

  /**
   * Discards version {@code versionId} of tenant {@code tenantId} with its chunks if it is still an
   * upload untouched since {@code before}; false when it moved on meanwhile.
   */
  public boolean discard(String tenantId, String versionId, Instant before) {
    filter.bind(tenantId);
    VideoVersion version = em.find(VideoVersion.class, versionId, LockModeType.PESSIMISTIC_WRITE);
    if (version == null
        || version.state() != VideoState.UPLOADING
        || !version.updatedAt().isBefore(before)) {
      return false;
    }
    // Objects first: should the delete fail, the row stays and the next purge tries again.
    store.deleteByPrefix(tenantId, VideoObjects.video(versionId));
    lifecycle.discard(version);
    return true;
  }
}
