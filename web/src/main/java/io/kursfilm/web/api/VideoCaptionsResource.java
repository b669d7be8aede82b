package io.kursfilm.web.api;

import io.kursfilm.video.boundary.CaptionView;
import io.kursfilm.video.boundary.Captions;
import io.kursfilm.video.boundary.Videos;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The captions of a video in the version the caller sees. A change by one of the video's trainers
 * lands in a new version that goes back to review once a critic may have seen the current one.
 */
@Path("videos/{id}/captions")
@RequestScoped
@Tag(name = "videos")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class VideoCaptionsResource {

  @Inject Videos videos;
  @Inject Captions captions;

  @GET
  @Operation(summary = "Caption tracks of a video")
  public List<CaptionView> captions(@PathParam("id") String id) {
    videos.find(id).orElseThrow(NotFoundException::new);
    return captions.list(id);
  }

  @PUT
  @Path("{language}")
  @Consumes({"text/vtt", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(summary = "Add or replace the WebVTT captions of one language (TRAINER)")
  @APIResponse(responseCode = "204", description = "Stored")
  @APIResponse(responseCode = "400", description = "Not WebVTT, too large or a bad language tag")
  public Response putCaptions(
      @PathParam("id") String id,
      @PathParam("language") String language,
      @QueryParam("label") String label,
      InputStream body) {
    if (!captions.put(id, language, label, body)) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  @DELETE
  @Path("{language}")
  @Operation(summary = "Remove the captions of one language (TRAINER)")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "No such video or no captions in that language")
  public Response removeCaptions(
      @PathParam("id") String id, @PathParam("language") String language) {
    if (!captions.remove(id, language)) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  @GET
  @Path("{language}.vtt")
  @Produces("text/vtt")
  @Operation(summary = "The WebVTT captions of one language, for the player")
  public Response captionText(@PathParam("id") String id, @PathParam("language") String language) {
    byte[] text = captions.read(id, null, language).orElseThrow(NotFoundException::new);
    return Response.ok(text, "text/vtt; charset=utf-8").build();
  }
}
