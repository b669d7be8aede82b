package io.kursfilm.web.api;

import io.kursfilm.quiz.boundary.Attempts;
import io.kursfilm.quiz.boundary.QuizStatus;
import io.kursfilm.video.boundary.VideoView;
import io.kursfilm.video.boundary.Videos;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The employee's status with the quiz of each video they see: the portal list's REST twin. */
@Path("videos/quiz-status")
@RequestScoped
@Tag(name = "quizzes")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class QuizStatusResource {

  @Inject Videos videos;
  @Inject Attempts attempts;

  @GET
  @Operation(
      summary = "Video id → NOT_STARTED|IN_PROGRESS|PASSED|FAILED (EMPLOYEE)",
      description = "Published videos with a quiz only; videos without one are left out.")
  public Map<String, QuizStatus> status() {
    return attempts.statusOfVideos(
        videos.list(Optional.empty()).stream()
            .filter(v -> v.publishedVersion() != null)
            .map(VideoView::id)
            .toList());
  }
}
