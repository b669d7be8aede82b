package io.kursfilm.web.api;

import io.kursfilm.offboarding.boundary.OffboardingShreds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The admin's typed confirmation that starts the crypto-shred of their tenant. A root class of its
 * own beside the offboarding resource (which owns {@code offboarding} and {@code
 * offboarding/{id}}).
 */
@Path("offboarding/{id}/confirm")
@RequestScoped
@Tag(name = "offboarding")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class OffboardingConfirmResource {

  /** The tenant's slug, typed by the admin. */
  public record ConfirmRequest(String confirmTenant) {}

  @Inject OffboardingShreds shreds;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Confirm the shred with the tenant's slug (TENANT_ADMIN); it runs in the background",
      description =
          "Only once the export is READY_FOR_DOWNLOAD or DOWNLOADED. The answer carries"
              + " certificateToken, shown once: the shred deletes every account of the tenant,"
              + " the confirming admin's too, and GET offboarding/{id}/certificate?token=… reads"
              + " the certificate with it afterwards.")
  @APIResponse(responseCode = "202", description = "Shred started: {id, state, certificateToken}")
  @APIResponse(
      responseCode = "409",
      description = "Export not ready, shred already started, or wrong slug; nothing changed")
  public Response confirm(@PathParam("id") String id, ConfirmRequest request) {
    if (request == null || request.confirmTenant() == null) {
      throw new IllegalArgumentException("body {\"confirmTenant\": \"<slug>\"} required");
    }
    return shreds
        .confirm(id, request.confirmTenant())
        .map(c -> Response.accepted(c).build())
        .orElseThrow(NotFoundException::new);
  }
}
