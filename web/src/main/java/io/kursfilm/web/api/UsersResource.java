package io.kursfilm.web.api;

import io.kursfilm.identity.boundary.UserView;
import io.kursfilm.identity.boundary.Users;
import io.kursfilm.kernel.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** People of the caller's tenant (TENANT_ADMIN). */
@Path("users")
@RequestScoped
@Tag(name = "users")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

  /** What a tenant admin sets on a user: whether they may log in and their roles. */
  public record UserUpdate(Boolean active, List<String> roles) {}

  @Inject Users users;

  @GET
  @Operation(summary = "Users of the own tenant")
  public List<UserView> list() {
    return users.list();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One user of the own tenant; 404 for any other")
  public UserView find(@PathParam("id") String id) {
    return users.find(id).orElseThrow(NotFoundException::new);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Activate or deactivate a user of the own tenant and set their roles",
      description =
          "Deactivation or any change of roles ends all of the user's sessions at once: their"
              + " bearer tokens get 401 and their UI sessions are sent to the login page; they log"
              + " in again with the rights they now have. Admins cannot deactivate themselves or"
              + " drop their own TENANT_ADMIN role (409).")
  @APIResponse(responseCode = "200", description = "The updated user")
  @APIResponse(responseCode = "400", description = "Missing fields or unknown/ROOT role")
  @APIResponse(responseCode = "404", description = "No such user in the own tenant")
  @APIResponse(responseCode = "409", description = "Admin would lock themselves out")
  public UserView update(@PathParam("id") String id, UserUpdate update) {
    if (update == null || update.active() == null || update.roles() == null) {
      throw new IllegalArgumentException("body {\"active\": bool, \"roles\": [...]} required");
    }
    return users
        .update(id, update.active(), roles(update.roles()))
        .orElseThrow(NotFoundException::new);
  }

  private static Set<Role> roles(List<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : names) {
      try {
        roles.add(Role.valueOf(String.valueOf(name).strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException unknown) {
        throw new IllegalArgumentException("roles: unknown role " + name);
      }
    }
    return roles;
  }
}
