package io.kursfilm.web.api;

import io.kursfilm.review.boundary.ReviewView;
import io.kursfilm.review.boundary.Reviews;
import io.kursfilm.video.boundary.ReviewSubjects.Decision;
import io.kursfilm.video.boundary.VideoView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A critic's decision on a video's newest version, and the decisions made so far. */
@Path("videos/{id}/review")
@RequestScoped
@Tag(name = "review")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class VideoReviewResource {

  /**
   * A decision.
   *
   * @param decision APPROVE or REQUEST_CHANGES
   * @param comment the reason; required for REQUEST_CHANGES
   * @param version the version the critic watched (optional): a newer one since is a 409
   */
  public record DecisionRequest(String decision, String comment, Integer version) {}

  @Inject Reviews reviews;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @BodyLimit(64 * 1024)
  @Operation(
      summary = "Approve or request changes (CRITIC; never the version's uploader)",
      description =
          "The newest version is published once the tenant's number of critics approved it; one"
              + " request for changes (with a comment) sends it back to its trainer.")
  @APIResponse(responseCode = "200", description = "The video after the decision")
  @APIResponse(responseCode = "403", description = "The critic uploaded this version")
  @APIResponse(
      responseCode = "409",
      description = "Not in review, replaced by a newer version, or decided by this critic already")
  public VideoView decide(@PathParam("id") String id, DecisionRequest request) {
    if (request == null || request.decision() == null) {
      throw new IllegalArgumentException("body {\"decision\", \"comment\"} required");
    }
    return reviews
        .decide(id, request.version(), decision(request.decision()), request.comment())
        .orElseThrow(NotFoundException::new);
  }

  @GET
  @Operation(summary = "Every decision on the video's versions (CRITIC, TRAINER, TENANT_ADMIN)")
  public List<ReviewView> history(@PathParam("id") String id) {
    return reviews.history(id).orElseThrow(NotFoundException::new);
  }

  private static Decision decision(String name) {
    try {
      return Decision.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("decision: APPROVE or REQUEST_CHANGES");
    }
  }
}
