package io.kursfilm.web.api;

import io.kursfilm.identity.boundary.Profile;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own identity. */
@Path("me")
@RequestScoped
@Tag(name = "sessions")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  public record MeResponse(String tenant, String email, Set<String> roles) {}

  @Inject Profile profile;

  @GET
  @Operation(summary = "Who am I: tenant, e-mail and roles")
  public MeResponse me() {
    Profile.Me me = profile.me();
    return new MeResponse(me.tenant(), me.email(), me.roles());
  }
}
