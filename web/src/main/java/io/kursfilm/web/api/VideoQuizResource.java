package io.kursfilm.web.api;

import io.kursfilm.quiz.boundary.Attempts;
import io.kursfilm.quiz.boundary.QuizDefinition;
import io.kursfilm.quiz.boundary.QuizForTaking;
import io.kursfilm.quiz.boundary.QuizVersion;
import io.kursfilm.quiz.boundary.QuizView;
import io.kursfilm.quiz.boundary.Quizzes;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The quiz of a video: saved by its trainers, reviewed with the video, taken by employees. */
@Path("videos/{id}/quiz")
@RequestScoped
@Tag(name = "quizzes")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class VideoQuizResource {

  @Inject Quizzes quizzes;
  @Inject Attempts attempts;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @BodyLimit(1024 * 1024)
  @Operation(
      summary = "Save the video's quiz as a new quiz version (the video's TRAINERs)",
      description =
          "Body: {questions:[{type, text, options:[{text, correct, feedback}], atSecond?,"
              + " mandatory}], passMark, maxAttempts, counting: BEST|LAST|FIRST,"
              + " shuffleQuestions, shuffleOptions}. Once a critic may have seen the newest"
              + " version, a new video version goes back to review; employees keep the approved"
              + " quiz meanwhile.")
  @APIResponse(responseCode = "201", description = "The saved quiz")
  public Response save(@PathParam("id") String id, QuizDefinition definition) {
    QuizView saved = quizzes.save(id, definition).orElseThrow(NotFoundException::new);
    return Response.status(Response.Status.CREATED).entity(saved).build();
  }

  @GET
  @Operation(summary = "The quiz of the newest version, with right answers (not EMPLOYEE)")
  public QuizView newest(@PathParam("id") String id) {
    return quizzes.ofVideo(id).orElseThrow(NotFoundException::new);
  }

  @GET
  @Path("versions")
  @Operation(
      summary = "The video's quiz versions, newest first (not EMPLOYEE)",
      description = "Results are per quiz version: GET /quizzes/{quizId}/results.")
  public List<QuizVersion> versions(@PathParam("id") String id) {
    return quizzes.versions(id).orElseThrow(NotFoundException::new);
  }

  @GET
  @Path("take")
  @Operation(summary = "The published version's quiz to take (EMPLOYEE)")
  public QuizForTaking take(@PathParam("id") String id) {
    return attempts.forTaking(id).orElseThrow(NotFoundException::new);
  }
}
