package io.kursfilm.web.api;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEntryView;
import io.kursfilm.audit.boundary.AuditTrail;
import io.kursfilm.audit.boundary.VerifyResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit log (TENANT_ADMIN: own tenant; ROOT: every tenant). Entries carry ids and counts only.
 * The total number of matching entries comes in the {@code X-Total-Count} header.
 */
@Path("audit")
@RequestScoped
@Tag(name = "audit")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  public record Checkpoints(int written) {}

  @Inject AuditTrail trail;

  @GET
  @Operation(summary = "Audit entries, newest first, paged with limit/offset")
  public Response list(
      @Parameter(description = "ISO-8601 instant, inclusive") @QueryParam("from") String from,
      @Parameter(description = "ISO-8601 instant, exclusive") @QueryParam("to") String to,
      @Parameter(description = "action name, e.g. LOGIN") @QueryParam("action") String action,
      @Parameter(description = "actor user id") @QueryParam("actor") String actor,
      @Parameter(description = "tenant slug (ROOT only)") @QueryParam("tenant") String tenant,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    // Checked here as well as in the boundary, so bad paging is a plain 400 without an EJB
    // exception in the server log.
    if (offset < 0 || limit < 1 || limit > AuditTrail.MAX_LIMIT) {
      throw new IllegalArgumentException("offset must be >= 0 and limit 1-" + AuditTrail.MAX_LIMIT);
    }
    AuditTrail.Criteria criteria =
        new AuditTrail.Criteria(
            tenant,
            instant("from", from),
            instant("to", to),
            action(action),
            actor == null || actor.isBlank() ? null : actor.strip(),
            offset,
            limit);
    List<AuditEntryView> entries = trail.list(criteria);
    return Response.ok(entries).header("X-Total-Count", trail.count(criteria)).build();
  }

  @GET
  @Path("verify")
  @Operation(
      summary =
          "Verify the hash chains and their latest signed checkpoints; reports the first broken"
              + " sequence")
  public VerifyResult verify(
      @Parameter(description = "tenant slug (ROOT only; default all chains)") @QueryParam("tenant")
          String tenant) {
    return trail.verify(tenant);
  }

  @POST
  @Path("checkpoints")
  @Operation(
      summary =
          "Write signed checkpoints of every chain now (ROOT); with accept-stale=<tenant slug>"
              + " anchor that chain although its newest checkpoint is stale (after a crash and a"
              + " long pause; audited)")
  public Checkpoints checkpoint(
      @Parameter(description = "tenant slug whose stale chain to re-anchor")
          @QueryParam("accept-stale")
          String acceptStale) {
    return new Checkpoints(
        acceptStale == null ? trail.checkpointNow() : trail.reanchorStale(acceptStale));
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be an ISO-8601 instant");
    }
  }

  private static Action action(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Action.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown action");
    }
  }
}
