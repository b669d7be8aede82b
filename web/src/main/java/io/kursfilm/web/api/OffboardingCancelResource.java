package io.kursfilm.web.api;

import io.kursfilm.offboarding.boundary.OffboardingShreds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Cancels an offboarding before its shred (TENANT_ADMIN): export deleted, tenant works again. */
@Path("offboarding/{id}/cancel")
@RequestScoped
@Tag(name = "offboarding")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class OffboardingCancelResource {

  @Inject OffboardingShreds shreds;

  @POST
  @Operation(summary = "Cancel the offboarding before the shred (TENANT_ADMIN)")
  @APIResponse(responseCode = "200", description = "{id, state: CANCELLED}")
  @APIResponse(responseCode = "409", description = "The shred was confirmed or has ended")
  public OffboardingShreds.StateView cancel(@PathParam("id") String id) {
    return shreds.cancel(id).orElseThrow(NotFoundException::new);
  }
}
