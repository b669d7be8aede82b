package io.kursfilm.review.control;

import io.kursfilm.review.entity.VideoComment;
import io.kursfilm.review.entity.VideoReview;
import io.kursfilm.video.boundary.ReviewSubjects.Decision;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

  /** Approvals per version, counted in one query; a version without any is absent. */
  public Map<String, Long> approvals(Collection<String> versionIds) {
    if (versionIds.isEmpty()) {
      return Map.of();
    }
    return em.createNamedQuery(VideoReview.APPROVALS_OF_VERSIONS, Object[].class)
        .setParameter("versionIds", List.copyOf(versionIds))
        .setParameter("decision", Decision.APPROVE)
        .getResultStream()
        .collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue()));
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
