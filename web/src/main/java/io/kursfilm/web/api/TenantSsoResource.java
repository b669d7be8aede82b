package io.kursfilm.web.api;

import io.kursfilm.identity.boundary.SsoSettings;
import io.kursfilm.identity.boundary.SsoSettingsUpdate;
import io.kursfilm.identity.boundary.SsoSettingsView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Single sign-on of the caller's own tenant through its OpenID Connect provider (TENANT_ADMIN). */
@Path("tenant/sso")
@RequestScoped
@Tag(name = "tenant")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class TenantSsoResource {

  @Inject SsoSettings settings;

  @GET
  @Operation(
      summary = "SSO settings of the own tenant; the client secret is never returned",
      description =
          "redirectUri is the address to register at the provider. clientSecretSet says whether"
              + " a secret is stored.")
  public SsoSettingsView get() {
    return settings.view();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set the OpenID Connect provider and the SSO switches of the own tenant",
      description =
          "Body {enabled, issuer, clientId, clientSecret?, passwordLoginDisabled,"
              + " trustProviderEmail}. Without clientSecret the stored one is kept (the first"
              + " save needs one). Enabling checks the provider's discovery document at"
              + " <issuer>/.well-known/openid-configuration. passwordLoginDisabled needs SSO"
              + " enabled. Audited as SSO_CONFIGURED.")
  @APIResponse(responseCode = "200", description = "The saved settings")
  @APIResponse(responseCode = "400", description = "Invalid settings or unusable provider")
  public SsoSettingsView put(SsoSettingsUpdate update) {
    return settings.update(update);
  }
}
