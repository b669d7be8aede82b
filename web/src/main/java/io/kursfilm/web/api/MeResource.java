package io.kursfilm.web.api;

import io.kursfilm.identity.boundary.Profile;
import io.kursfilm.identity.boundary.SelfService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

  public record MeResponse(String tenant, String email, Set<String> roles, String language) {}

  /** Body of {@code PUT /me/language}. */
  public record LanguageChoice(String language) {}

  @Inject Profile profile;
  @Inject SelfService selfService;

  @GET
  @Path("data")
  @Operation(summary = "Download everything Kursfilm keeps about me (GDPR art. 15 and 20)")
  public Response myData() {
    return Response.ok(selfService.myData())
        .header("Content-Disposition", "attachment; filename=\"kursfilm-my-data.json\"")
        .build();
  }

  @POST
  @Path("deletion-request")
  @Operation(
      summary = "Ask for the erasure of my account (GDPR art. 17); a tenant admin decides",
      description = "202 with the request; 409 when one is already waiting.")
  public Response requestDeletion() {
    return Response.accepted(selfService.requestDeletion()).build();
  }

  @GET
  @Operation(summary = "Who am I: tenant, e-mail, roles and the language I picked (or null)")
  public MeResponse me() {
    Profile.Me me = profile.me();
    return new MeResponse(me.tenant(), me.email(), me.roles(), me.language());
  }

  @PUT
  @Path("language")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Pick my language (de or en): the UI's twin, used for the mails Kursfilm sends me",
      description = "Body {\"language\": \"de\"}; 400 for any other language.")
  public Response preferLanguage(LanguageChoice choice) {
    if (choice == null || choice.language() == null) {
      throw new IllegalArgumentException("body {\"language\"} required");
    }
    profile.preferLanguage(choice.language());
    return Response.noContent().build();
  }
}
