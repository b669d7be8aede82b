package io.kursfilm.web.api;

import io.kursfilm.identity.boundary.DeletionRequests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Erasure requests of the own tenant (TENANT_ADMIN). */
@Path("deletion-requests")
@RequestScoped
@Tag(name = "users")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class DeletionRequestsResource {

  @Inject DeletionRequests requests;

  @GET
  @Operation(summary = "Pending erasure requests of the own tenant")
  public List<DeletionRequests.Pending> pending() {
    return requests.pending();
  }

  @POST
  @Path("{id}/approve")
  @Operation(summary = "Approve: the account is erased at once; 409 for your own or a decided one")
  public Response approve(@PathParam("id") String id) {
    if (!requests.approve(id)) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/reject")
  @Operation(summary = "Reject the request")
  public Response reject(@PathParam("id") String id) {
    if (!requests.reject(id)) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }
}
