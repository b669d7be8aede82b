package io.kursfilm.web.api;

import io.kursfilm.review.boundary.QueueItem;
import io.kursfilm.review.boundary.Reviews;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The review queue: the newest versions waiting for critics. */
@Path("reviews")
@RequestScoped
@Tag(name = "review")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewsResource {

  @Inject Reviews reviews;

  @GET
  @Operation(
      summary = "Versions waiting for a critic, longest waiting first (CRITIC, TRAINER, ADMIN)",
      description = "state: IN_REVIEW (the default and, for now, the only queue).")
  public List<QueueItem> queue(@QueryParam("state") String state) {
    if (state != null && !state.strip().equalsIgnoreCase("IN_REVIEW")) {
      throw new IllegalArgumentException("state: IN_REVIEW");
    }
    return reviews.queue();
  }
}
