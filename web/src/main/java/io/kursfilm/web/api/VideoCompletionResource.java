package io.kursfilm.web.api;

import io.kursfilm.quiz.boundary.Completion;
import io.kursfilm.quiz.boundary.VideoCompletion;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who completed a video's quiz, for tenant admins: names and completed yes/no with the date, never
 * a score (admin/completion.xhtml shows the same).
 */
@Path("videos/{id}/completion")
@RequestScoped
@Tag(name = "quizzes")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class VideoCompletionResource {

  @Inject Completion completion;

  @GET
  @Operation(
      summary = "Completion of the video's quiz per active employee (TENANT_ADMIN; audited)",
      description =
          "Completed: the counting attempt of any quiz version passed. Names even while results"
              + " are anonymised; no score, no attempt count, failed and not attempted alike.")
  public VideoCompletion completion(@PathParam("id") String id) {
    return completion.of(id).orElseThrow(NotFoundException::new);
  }

  @GET
  @Path("csv")
  @Produces("text/csv")
  @Operation(summary = "The same as CSV (TENANT_ADMIN; audited as an export)")
  public Response csv(@PathParam("id") String id) {
    String csv = completion.csv(id).orElseThrow(NotFoundException::new);
    return Response.ok(csv, "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"completion.csv\"")
        .build();
  }
}
