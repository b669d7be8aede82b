package io.kursfilm.web.api;

import io.kursfilm.identity.boundary.UserView;
import io.kursfilm.identity.boundary.Users;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** People of the caller's tenant (TENANT_ADMIN). */
@Path("users")
@RequestScoped
@Tag(name = "users")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

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
}
