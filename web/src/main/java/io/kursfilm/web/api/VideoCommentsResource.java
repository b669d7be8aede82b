package io.kursfilm.web.api;

import io.kursfilm.review.boundary.CommentView;
import io.kursfilm.review.boundary.Comments;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Timestamped comments between a video's critics and trainers. */
@Path("videos/{id}/comments")
@RequestScoped
@Tag(name = "review")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class VideoCommentsResource {

  /**
   * A new comment.
   *
   * @param atSecond second of the newest version it points at; null for the version as a whole
   */
  public record NewComment(Integer atSecond, String text) {}

  @Inject Comments comments;

  @GET
  @Operation(summary = "Comments on every version, oldest first (critics, the video's trainers)")
  public List<CommentView> list(@PathParam("id") String id) {
    return comments.list(id).orElseThrow(NotFoundException::new);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @BodyLimit(64 * 1024)
  @Operation(summary = "Comment on the newest version at a second (CRITIC, the video's TRAINERs)")
  @APIResponse(responseCode = "201", description = "{\"id\"}")
  @APIResponse(responseCode = "400", description = "Second outside the video, text empty or long")
  public Response add(@PathParam("id") String id, NewComment comment) {
    if (comment == null) {
      throw new IllegalArgumentException("body {\"atSecond\", \"text\"} required");
    }
    String commentId =
        comments.add(id, comment.atSecond(), comment.text()).orElseThrow(NotFoundException::new);
    return Response.status(Response.Status.CREATED).entity(Map.of("id", commentId)).build();
  }
}
