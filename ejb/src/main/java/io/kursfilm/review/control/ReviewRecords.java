package io.kursfilm.review.control;

import io.kursfilm.review.entity.VideoComment;
import io.kursfilm.review.entity.VideoReview;
import io.kursfilm.video.boundary.ReviewSubjects.Decision;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The decisions and comments stored for the videos of the bound tenant. */
@Dependent
public class ReviewRecords {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  public List<VideoReview> ofVersion(String versionId) {
    return em.createNamedQuery(VideoReview.OF_VERSION, VideoReview.class)
        .setParameter("versionId", versionId)
        .getResultList();
  }

  public List<VideoReview> ofVideo(String videoId) {
    return em.createNamedQuery(VideoReview.OF_VIDEO, VideoReview.class)
        .setParameter("videoId", videoId)
        .getResultList();
  }

  public long approvals(String versionId) {
    return ofVersion(versionId).stream().filter(r -> r.decision() == Decision.APPROVE).count();
  }

  public List<VideoComment> comments(String videoId) {
    return em.createNamedQuery(VideoComment.OF_VIDEO, VideoComment.class)
        .setParameter("videoId", videoId)
        .getResultList();
  }

  public void add(VideoComment comment) {
    em.persist(comment);
  }

  public void add(VideoReview review) {
    em.persist(review);
    // Now, not at commit: a second decision of the same critic fails on the unique key here.
    em.flush();
  }
}
