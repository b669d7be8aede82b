package io.kursfilm.web.api;

import io.kursfilm.identity.boundary.Authentication;
import io.kursfilm.identity.boundary.LoginAttempt;
import io.kursfilm.identity.boundary.Profile;
import io.kursfilm.web.security.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Log in for the API: credentials in, bearer token out. */
@Path("sessions")
@RequestScoped
@Tag(name = "sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

  /** Login request; {@code tenant} is the company slug ({@code platform} for operators). */
  public record LoginRequest(String tenant, String email, String password) {}

  public record Token(String token) {}

  /** How many bearer tokens "log out everywhere" revoked. */
  public record LoggedOut(int revokedTokens) {}

  @Inject Authentication authentication;
  @Inject Profile profile;
  @Context HttpServletRequest request;

  @Inject
  @ConfigProperty(name = "kursfilm.http.trust-forwarded-for", defaultValue = "false")
  boolean trustForwardedFor;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Log in; wrong credentials give 401 with the same message whatever was wrong",
      description =
          "Failed logins are counted per account and per client address; after too many (config"
              + " kursfilm.login.throttle.*) login answers 429 with Retry-After for a back-off"
              + " that doubles with each further failure, identically for existing and unknown"
              + " accounts.")
  @APIResponse(responseCode = "201", description = "Logged in; body {\"token\"}")
  @APIResponse(responseCode = "401", description = "Wrong company, e-mail or password")
  @APIResponse(
      responseCode = "429",
      description = "Too many failed logins; wait before trying again",
      headers = @Header(name = "Retry-After", description = "Seconds to wait"))
  @BodyLimit(BodyLimit.PUBLIC)
  public Response login(LoginRequest login) {
    LoginAttempt attempt =
        login == null || login.password() == null
            ? LoginAttempt.refused()
            : authentication.logIn(
                login.tenant(),
                login.email(),
                login.password().toCharArray(),
                ClientAddress.of(request, trustForwardedFor));
    if (attempt.isThrottled()) {
      Response throttled =
          ApiError.response(
              Status.TOO_MANY_REQUESTS,
              "too_many_attempts",
              "Too many failed logins. Please wait and try again.");
      return Response.fromResponse(throttled)
          .header("Retry-After", attempt.retryAfterSeconds())
          .build();
    }
    if (attempt.caller().isEmpty()) {
      return ApiError.response(
          Status.UNAUTHORIZED, "invalid_credentials", "Company, e-mail or password is wrong.");
    }
    return Response.status(Status.CREATED)
        .entity(new Token(authentication.openApiSession(attempt.caller().get())))
        .build();
  }

  @POST
  @Path("logout-all")
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "Log out everywhere",
      description =
          "Revokes all bearer tokens of the caller and ends all their UI sessions at their next"
              + " request. Any authenticated user, for their own sessions only.")
  @APIResponse(responseCode = "200", description = "Body {\"revokedTokens\": n}")
  public LoggedOut logoutAll() {
    return new LoggedOut(profile.logOutEverywhere());
  }

  @DELETE
  @Path("current")
  @Operation(summary = "Log out: the bearer token stops working at once")
  public Response logout(@HeaderParam("Authorization") String authorization) {
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      authentication.endApiSession(authorization.substring(7).strip());
    }
    return Response.noContent().build();
  }
}
