package io.kursfilm.web.api;

import io.kursfilm.quiz.boundary.AttemptView;
import io.kursfilm.quiz.boundary.Attempts;
import io.kursfilm.quiz.boundary.QuizForTaking;
import io.kursfilm.quiz.boundary.QuizResults;
import io.kursfilm.quiz.boundary.QuizView;
import io.kursfilm.quiz.boundary.Quizzes;
import io.kursfilm.quiz.boundary.Results;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/**
 * Quizzes by id: the definition for trainers and critics, taking one for employees (scored on the
 * server), and the results for the video's trainers.
 */
@Path("quizzes")
@RequestScoped
@Tag(name = "quizzes")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class QuizzesResource {

  /** Answers, one list of option indices per question in stored order (empty: unanswered). */
  public record AnswersRequest(List<List<Integer>> answers) {}

  /** The options chosen for one question. */
  public record AnswerRequest(List<Integer> options) {}

  @Inject Quizzes quizzes;
  @Inject Attempts attempts;
  @Inject Results results;

  @GET
  @Path("{id}")
  @Operation(summary = "A quiz with its right answers (TRAINER, CRITIC, TENANT_ADMIN)")
  public QuizView find(@PathParam("id") String id) {
    return quizzes.find(id).orElseThrow(NotFoundException::new);
  }

  @GET
  @Path("{id}/take")
  @Operation(
      summary = "The quiz to take (EMPLOYEE; the published quiz of its video only)",
      description = "Questions and options in this attempt's order; never right answers.")
  public QuizForTaking take(@PathParam("id") String id) {
    return attempts.forTakingQuiz(id).orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("{id}/attempts")
  @Consumes(MediaType.APPLICATION_JSON)
  @BodyLimit(256 * 1024)
  @Operation(summary = "Submit a whole attempt (EMPLOYEE) → {\"score\",\"passed\",…}")
  @APIResponse(responseCode = "201", description = "The scored attempt with feedback")
  @APIResponse(responseCode = "409", description = "No attempt left, or submitted at the same time")
  public Response submit(@PathParam("id") String id, AnswersRequest request) {
    if (request == null || request.answers() == null) {
      throw new IllegalArgumentException("body {\"answers\": [[optionIndex, …], …]} required");
    }
    AttemptView attempt =
        attempts.submit(id, request.answers()).orElseThrow(NotFoundException::new);
    return Response.status(Response.Status.CREATED).entity(attempt).build();
  }

  @GET
  @Path("{id}/attempts")
  @Operation(summary = "The caller's own attempts (EMPLOYEE)")
  public List<AttemptView> mine(@PathParam("id") String id) {
    return attempts.mine(id).orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("{id}/attempts/open")
  @Operation(summary = "Start an attempt, or resume the open one (EMPLOYEE)")
  public AttemptView start(@PathParam("id") String id) {
    return attempts.start(id).orElseThrow(NotFoundException::new);
  }

  @PUT
  @Path("{id}/attempts/{attempt}/answers/{question}")
  @Consumes(MediaType.APPLICATION_JSON)
  @BodyLimit(16 * 1024)
  @Operation(
      summary = "Answer one question of the open attempt (EMPLOYEE)",
      description = "Returns the attempt with feedback on the answered questions; 409 if answered.")
  public AttemptView answer(
      @PathParam("id") String id,
      @PathParam("attempt") String attempt,
      @PathParam("question") int question,
      AnswerRequest request) {
    if (request == null || request.options() == null) {
      throw new IllegalArgumentException("body {\"options\": [optionIndex, …]} required");
    }
    return attempts
        .answer(id, attempt, question, request.options())
        .orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("{id}/attempts/{attempt}/submit")
  @Operation(summary = "Submit the open attempt as answered so far (EMPLOYEE)")
  public AttemptView finish(@PathParam("id") String id, @PathParam("attempt") String attempt) {
    return attempts.finish(id, attempt).orElseThrow(NotFoundException::new);
  }

  @GET
  @Path("{id}/results")
  @Operation(summary = "Results of a quiz (the video's TRAINERs only; audited)")
  public QuizResults results(@PathParam("id") String id) {
    return results.of(id).orElseThrow(NotFoundException::new);
  }

  @GET
  @Path("{id}/results.csv")
  @Produces("text/csv")
  @Operation(summary = "Results as CSV (the video's TRAINERs only; audited)")
  public Response resultsCsv(@PathParam("id") String id) {
    String csv = results.csv(id).orElseThrow(NotFoundException::new);
    return Response.ok(csv, "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"quiz-results.csv\"")
        .build();
  }
}
