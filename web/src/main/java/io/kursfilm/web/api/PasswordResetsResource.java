package io.kursfilm.web.api;

import io.kursfilm.identity.boundary.LinkPreview;
import io.kursfilm.identity.boundary.LoginAttempt;
import io.kursfilm.identity.boundary.PasswordResets;
import io.kursfilm.web.security.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
  @Context HttpServletRequest http;

  @Inject
  @ConfigProperty(name = "kursfilm.http.trust-forwarded-for", defaultValue = "false")
  boolean trustForwardedFor;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Ask for a reset link; the same 202 whether or not the account exists",
      description =
          "Requests are counted per account and per client address (config"
              + " kursfilm.password-reset.throttle.*); beyond the limit the answer is 429 with"
              + " Retry-After, identically for existing and unknown accounts.")
  @APIResponse(
      responseCode = "202",
      description = "Taken; a link is on its way if the account exists")
  @APIResponse(
      responseCode = "429",
      description = "Too many reset requests; wait before trying again",
      headers = @Header(name = "Retry-After", description = "Seconds to wait"))
  @BodyLimit(BodyLimit.PUBLIC)
  public Response request(ResetRequest request) {
    if (request != null) {
      Optional<Duration> wait =
          resets.request(
              request.tenant(), request.email(), ClientAddress.of(http, trustForwardedFor));
      if (wait.isPresent()) {
        return Response.fromResponse(
                ApiError.response(
                    Status.TOO_MANY_REQUESTS,
                    "too_many_attempts",
                    "Too many reset requests. Please wait and try again."))
            .header("Retry-After", LoginAttempt.throttled(wait.get()).retryAfterSeconds())
            .build();
      }
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
  @Operation(
      summary = "Set a new password with a reset link; ends all sessions of the user",
      description = "Bearer tokens are revoked and UI sessions end at their next request.")
  @BodyLimit(BodyLimit.PUBLIC)
  public Response confirm(NewPassword request) {
    if (request == null || request.password() == null) {
      throw new IllegalArgumentException("tenant, token and password required");
    }
    resets.reset(request.tenant(), request.token(), request.password().toCharArray());
    return Response.noContent().build();
  }
}
