package io.kursfilm.review.boundary;

import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.review.control.ReviewRecords;
import io.kursfilm.review.entity.VideoComment;
import io.kursfilm.review.entity.VideoReview;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;

/**
 * The comments and the review history of a tenant's videos for its offboarding export. Called only
 * by the offboarding export job, which runs without a caller: the tenant is bound from the
 * argument. People are named by id (the export's users file maps ids to names).
 */
@Stateless
public class ReviewArchive {

  @Inject TenantFilter filter;
  @Inject ReviewRecords records;

  /** {@code {"videoId","comments":[…],"decisions":[…]}} of one video, oldest first. */
  public byte[] ofVideo(String tenantId, String videoId) {
    filter.bind(tenantId);
    JsonArrayBuilder comments = Json.createArrayBuilder();
    for (VideoComment c : records.comments(videoId)) {
      JsonObjectBuilder json =
          Json.createObjectBuilder()
              .add("id", c.id())
              .add("versionId", c.versionId())
              .add("authorId", c.authorId())
              .add("text", c.text())
              .add("createdAt", c.createdAt().toString());
      c.atSecond().ifPresent(s -> json.add("atSecond", s));
      comments.add(json);
    }
    JsonArrayBuilder decisions = Json.createArrayBuilder();
    for (VideoReview r : records.ofVideo(videoId)) {
      JsonObjectBuilder json =
          Json.createObjectBuilder()
              .add("id", r.id())
              .add("versionId", r.versionId())
              .add("criticId", r.criticId())
              .add("decision", r.decision().name())
              .add("mediaSha256", r.mediaSha256())
              .add("createdAt", r.createdAt().toString());
      if (r.captionSet() != null) {
        json.add("captionSet", r.captionSet());
      }
      r.commentId().ifPresent(id -> json.add("commentId", id));
      r.quizId().ifPresent(id -> json.add("quizId", id));
      decisions.add(json);
    }
    return Json.createObjectBuilder()
        .add("videoId", videoId)
        .add("comments", comments)
        .add("decisions", decisions)
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }
}
