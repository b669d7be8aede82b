package io.kursfilm.web.api;

import io.kursfilm.identity.boundary.LinkPreview;
import io.kursfilm.identity.boundary.PasswordResets;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public password reset: ask for a link (always the same 202, whether or not the account exists),
 * preview it, use it to set a new password.
 */
@Path("password-resets")
@RequestScoped
@Tag(name = "password-resets")
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResetsResource {

  public record ResetRequest(String tenant, String email) {}

  public record NewPassword(String tenant, String token, String password) {}

  public record Accepted(String message) {}

  static final String SENT =
      "If an account with this e-mail exists in this company, a reset link is on its way.";

  @Inject PasswordResets resets;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Ask for a reset link; the same 202 whether or not the account exists")
  @BodyLimit(BodyLimit.PUBLIC)
  public Response request(ResetRequest request) {
    if (request != null) {
      resets.request(request.tenant(), request.email());
    }
    return Response.accepted(new Accepted(SENT)).build();
  }

  @GET
  @Path("preview")
  @Operation(summary = "Tenant and masked address of a reset link; does not use it")
  public LinkPreview preview(@QueryParam("token") String token) {
    return resets.preview(token).orElseThrow(LinkErrors::invalid);
  }

  @POST
  @Path("confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set a new password with a reset link; ends all API sessions of the user")
  @BodyLimit(BodyLimit.PUBLIC)
  public Response confirm(NewPassword request) {
    if (request == null || request.password() == null) {
      throw new IllegalArgumentException("tenant, token and password required");
    }
    resets.reset(request.tenant(), request.token(), request.password().toCharArray());
    return Response.noContent().build();
  }
}
