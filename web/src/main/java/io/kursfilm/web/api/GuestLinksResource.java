package io.kursfilm.web.api;

import io.kursfilm.video.boundary.CreatedGuestLink;
import io.kursfilm.video.boundary.GuestLinkView;
import io.kursfilm.video.boundary.GuestLinks;
import io.kursfilm.video.boundary.NewGuestLink;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** Guest links of a published video: the video's TRAINERs and TENANT_ADMINs manage them. */
@Path("videos/{id}/guest-links")
@RequestScoped
@Tag(name = "guest-links")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class GuestLinksResource {

  @Inject GuestLinks links;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @BodyLimit(16 * 1024)
  @Operation(
      summary = "A new guest link to the published video (the video's TRAINERs, TENANT_ADMIN)",
      description =
          "{\"expiresAt\"|\"validDays\", \"password\"?, \"label\"?}. The answer's url holds the"
              + " link's token and is shown this once.")
  @APIResponse(responseCode = "201", description = "{\"id\",\"url\",\"expiresAt\"}")
  @APIResponse(responseCode = "400", description = "No or both ends, past end, short password")
  @APIResponse(responseCode = "409", description = "The video is not published")
  public Response create(@PathParam("id") String id, NewGuestLink request) {
    CreatedGuestLink created = links.create(id, request).orElseThrow(NotFoundException::new);
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @GET
  @Operation(summary = "The video's guest links, newest first, without tokens or passwords")
  public List<GuestLinkView> list(@PathParam("id") String id) {
    return links.list(id).orElseThrow(NotFoundException::new);
  }

  @DELETE
  @Path("{linkId}")
  @Operation(summary = "Revokes a guest link at once; playback through it stops")
  @APIResponse(responseCode = "200", description = "The revoked link")
  public GuestLinkView revoke(@PathParam("id") String id, @PathParam("linkId") String linkId) {
    return links.revoke(id, linkId).orElseThrow(NotFoundException::new);
  }
}
