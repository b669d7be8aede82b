package io.kursfilm.web.api;

import io.kursfilm.identity.boundary.CsvLineResult;
import io.kursfilm.identity.boundary.InvitationAcceptance;
import io.kursfilm.identity.boundary.InvitationView;
import io.kursfilm.identity.boundary.Invitations;
import io.kursfilm.identity.boundary.LinkPreview;
import io.kursfilm.kernel.Role;
import io.kursfilm.platform.boundary.CsvWriter;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Invitations: tenant admins invite (one or by CSV), list and revoke; the invitee, holding only the
 * link's token, previews and accepts it. Preview is a GET and never consumes the token.
 */
@Path("invitations")
@RequestScoped
@Tag(name = "invitations")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationsResource {

  public record NewInvitation(String email, List<String> roles, String displayName) {}

  /** {@code tenant} must be the tenant the invitation was made for. */
  public record Acceptance(String tenant, String token, String password) {}

  private static final List<String> CSV_REPORT_HEADER =
      List.of("line", "email", "invited", "id", "error");

  @Inject Invitations invitations;
  @Inject InvitationAcceptance acceptance;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Invite a person into the own tenant (TENANT_ADMIN); mails the link")
  public Response invite(NewInvitation request) {
    if (request == null) {
      throw new IllegalArgumentException("body required");
    }
    InvitationView view =
        invitations.invite(request.email(), request.displayName(), roles(request.roles()));
    return Response.status(Response.Status.CREATED).entity(view).build();
  }

  @POST
  @Path("csv")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary =
          "Invite from CSV lines email,displayName,roles (roles separated by ';') (TENANT_ADMIN)",
      description =
          "Per line: valid lines are invited, bad lines are listed with their error and skipped.")
  @BodyLimit(1024 * 1024)
  public List<CsvLineResult> importCsv(String csv) {
    return invitations.importCsv(csv);
  }

  @POST
  @Path("csv")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  // qs: JSON stays the answer unless the client asks for CSV.
  @Produces("text/csv;qs=0.5")
  @BodyLimit(1024 * 1024)
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "The same CSV import, answered as CSV (Accept: text/csv) (TENANT_ADMIN)",
      description =
          "Columns line,email,invited,id,error. Cells that a spreadsheet would run as a formula"
              + " (starting with =, +, -, @, tab or CR) get a leading apostrophe.")
  public Response importCsvAsCsv(String csv) {
    StringBuilder report = new StringBuilder(CsvWriter.row(CSV_REPORT_HEADER));
    for (CsvLineResult r : invitations.importCsv(csv)) {
      report.append(
          CsvWriter.row(Arrays.asList(r.line(), r.email(), r.invited(), r.id(), r.error())));
    }
    return Response.ok(report.toString(), "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"invitations.csv\"")
        .build();
  }

  @GET
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Pending invitations of the own tenant (TENANT_ADMIN)")
  public List<InvitationView> pending() {
    return invitations.pending();
  }

  @DELETE
  @Path("{id}")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Revoke a pending invitation (TENANT_ADMIN); 404 if not pending here")
  public Response revoke(@PathParam("id") String id) {
    if (!invitations.revoke(id)) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  @GET
  @Path("preview")
  @Operation(summary = "Public: tenant and masked address of an invitation link; does not use it")
  public LinkPreview preview(@QueryParam("token") String token) {
    return acceptance.preview(token).orElseThrow(LinkErrors::invalid);
  }

  @POST
  @Path("accept")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Public: accept an invitation by setting a password; the link is used up")
  @BodyLimit(BodyLimit.PUBLIC)
  public InvitationAcceptance.Accepted accept(Acceptance request) {
    if (request == null || request.password() == null) {
      throw new IllegalArgumentException("tenant, token and password required");
    }
    return acceptance.accept(request.tenant(), request.token(), request.password().toCharArray());
  }

  static Set<Role> roles(List<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (names != null) {
      for (String name : names) {
        try {
          roles.add(Role.valueOf(String.valueOf(name).strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("unknown role '" + name + "'");
        }
      }
    }
    return roles;
  }
}
