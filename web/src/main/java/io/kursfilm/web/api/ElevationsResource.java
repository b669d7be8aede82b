package io.kursfilm.web.api;

import io.kursfilm.audit.boundary.AuditEntryView;
import io.kursfilm.identity.boundary.ElevationView;
import io.kursfilm.identity.boundary.Elevations;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Platform operators' time-bound access to a tenant. While an elevation is in force the operator
 * sends {@code X-Kursfilm-Tenant: <slug>} with any API call and acts in that tenant as
 * TENANT_ADMIN; without one in force that header gets 403.
 */
@Path("elevations")
@RequestScoped
@Tag(
    name = "elevations",
    description =
        "ROOT requests an elevation into a tenant with a reason; it lapses after"
            + " kursfilm.elevation.duration (default PT1H). While it is in force, requests with"
            + " header X-Kursfilm-Tenant: <slug> act in that tenant with TENANT_ADMIN rights;"
            + " otherwise such requests get 403 {\"error\":\"not_elevated\"}. An elevation cannot"
            + " be made permanent: while elevated, inviting people, granting roles, re-activating"
            + " users and changing single sign-on (other than switching it off or passwords back"
            + " on) get 403 {\"error\":\"elevation_forbidden\"}.")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ElevationsResource {

  /** Elevation request: the tenant's slug and why (10-500 characters). */
  public record ElevationRequest(String tenant, String reason) {}

  public record Granted(String id, String tenant, Instant expiresAt) {}

  @Inject Elevations elevations;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Elevate the calling platform operator into a tenant (ROOT)")
  @APIResponse(responseCode = "201", description = "Body {\"id\",\"tenant\",\"expiresAt\"}")
  @APIResponse(responseCode = "400", description = "Unknown tenant or reason not 10-500 chars")
  @APIResponse(responseCode = "403", description = "Caller is not ROOT")
  public Response request(ElevationRequest request) {
    if (request == null) {
      throw new IllegalArgumentException("body {\"tenant\", \"reason\"} required");
    }
    ElevationView granted = elevations.request(request.tenant(), request.reason());
    return Response.status(Response.Status.CREATED)
        .entity(new Granted(granted.id(), granted.tenant(), granted.expiresAt()))
        .build();
  }

  @GET
  @Operation(
      summary = "Elevations: into the own tenant (TENANT_ADMIN) or the caller's own (ROOT)",
      description = "Each with operator (user id), reason, startsAt, expiresAt and active.")
  public List<ElevationView> list() {
    return elevations.list();
  }

  @GET
  @Path("{id}/actions")
  @Operation(
      summary = "What was done during one elevation, from the tenant's audit chain",
      description =
          "The grant and every request and audited event of the operator during the elevation"
              + " (entries carry detail \"elevation\": <id>), newest first. Tenant admins for"
              + " elevations into their tenant, ROOT for their own; 404 for any other.")
  @APIResponse(responseCode = "200", description = "Audit entries, as GET /api/v1/audit gives them")
  @APIResponse(responseCode = "404", description = "No such elevation visible to the caller")
  public List<AuditEntryView> actions(@PathParam("id") String id) {
    return elevations.actions(id).orElseThrow(NotFoundException::new);
  }
}
