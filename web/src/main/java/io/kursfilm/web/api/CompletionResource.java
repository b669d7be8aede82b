package io.kursfilm.web.api;

import io.kursfilm.quiz.boundary.Completion;
import io.kursfilm.quiz.boundary.VideoCompletion;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The videos whose completion a tenant admin can look at: those with a quiz. */
@Path("completion")
@RequestScoped
@Tag(name = "quizzes")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class CompletionResource {

  @Inject Completion completion;

  @GET
  @Operation(summary = "The tenant's videos with a quiz (TENANT_ADMIN) → [{videoId, title, …}]")
  public List<VideoCompletion.Video> videos() {
    return completion.videos();
  }
}
