package io.kursfilm.web.api;

import io.kursfilm.identity.boundary.Authentication;
import io.kursfilm.identity.control.AuthenticatedCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

  @Inject Authentication authentication;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Log in; wrong credentials give 401 with the same message whatever was wrong")
  public Response login(LoginRequest login) {
    Optional<AuthenticatedCaller> who =
        login == null || login.password() == null
            ? Optional.empty()
            : authentication.authenticate(
                login.tenant(), login.email(), login.password().toCharArray());
    if (who.isEmpty()) {
      return ApiError.response(
          Status.UNAUTHORIZED, "invalid_credentials", "Company, e-mail or password is wrong.");
    }
    return Response.status(Status.CREATED)
        .entity(new Token(authentication.openApiSession(who.get())))
        .build();
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
