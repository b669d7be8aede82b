package io.kursfilm.web.api;

import io.kursfilm.learning.boundary.Progress;
import io.kursfilm.learning.boundary.ProgressView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The player's progress reports and the resume position on every device; completion follows the
 * rule of the learning component (docs/architecture.md, "Learning portal: progress and catalogue").
 */
@Path("progress")
@RequestScoped
@Tag(name = "learning")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressResource {

  /**
   * One report of the player.
   *
   * @param intervals stretches really played since the last report, {@code [[from, to], …]} in
   *     seconds
   * @param position where playback stands, to resume there; optional
   */
  public record ProgressRequest(String videoId, List<List<Double>> intervals, Double position) {}

  /** What a report answers. */
  public record ProgressReply(double watchedShare, boolean completed, double position) {}

  @Inject Progress progress;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @BodyLimit(64 * 1024)
  @Operation(
      summary = "Report watched intervals of a published video → {\"watchedShare\",\"completed\"}",
      description =
          "Any role that may watch the published video. Completed: ≥ 90 % of its segments played"
              + " (seeking plays nothing) and, where it has a quiz, the quiz passed; recorded once,"
              + " then the watched share starts over. Reversed, negative or out-of-range intervals:"
              + " 400 and nothing stored.")
  @APIResponse(responseCode = "200", description = "The share watched and whether completed")
  @APIResponse(responseCode = "400", description = "Bad intervals or position; nothing stored")
  @APIResponse(responseCode = "404", description = "Not a published video of the tenant")
  @APIResponse(
      responseCode = "429",
      description = "More than kursfilm.progress.max-reports-per-minute reports this minute")
  public ProgressReply report(ProgressRequest request) {
    if (request == null) {
      throw new IllegalArgumentException(
          "body {\"videoId\", \"intervals\": [[from, to], …], \"position\"} required");
    }
    ProgressView view =
        progress
            .report(request.videoId(), request.intervals(), request.position())
            .orElseThrow(NotFoundException::new);
    return new ProgressReply(view.watchedShare(), view.completed(), view.position());
  }

  @GET
  @Path("{videoId}")
  @Operation(summary = "The caller's resume position, watched share and completion of a video")
  public ProgressView of(@PathParam("videoId") String videoId) {
    return progress.of(videoId).orElseThrow(NotFoundException::new);
  }

  @GET
  @Operation(
      summary = "The caller's progress with published videos, most recently watched first",
      description =
          "continue=true: only videos started since their last completion and not watched to"
              + " the end (the portal's \"continue watching\" row), each with its resume position.")
  public List<ProgressView> mine(@QueryParam("continue") boolean continueOnly) {
    return progress.mine(continueOnly);
  }
}
