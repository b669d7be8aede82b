package io.kursfilm.web.api;

import io.kursfilm.tenant.boundary.TenantSettings;
import io.kursfilm.tenant.boundary.TenantSettingsValue;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The own tenant's settings (TENANT_ADMIN): upload limit, anonymisation, critic approval. */
@Path("tenant/settings")
@RequestScoped
@Tag(name = "tenants")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class TenantSettingsResource {

  /** What an admin sets; a null upload limit means the platform's. */
  public record SettingsUpdate(
      Long maxUploadBytes,
      Boolean anonymiseResults,
      Boolean requireCriticApproval,
      Integer requiredApprovals) {}

  @Inject TenantSettings settings;

  @GET
  @Operation(summary = "The own tenant's settings and the upload limit that applies")
  public TenantSettings.View view() {
    return settings.view();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change the own tenant's settings",
      description =
          "maxUploadBytes: 1 up to the platform limit, or null for the platform limit."
              + " requiredApprovals: 1-5 critics per version; left out, it stays as it is.")
  public TenantSettings.View update(SettingsUpdate update) {
    if (update == null
        || update.anonymiseResults() == null
        || update.requireCriticApproval() == null) {
      throw new IllegalArgumentException(
          "body {\"maxUploadBytes\", \"anonymiseResults\", \"requireCriticApproval\"} required");
    }
    return settings.update(
        new TenantSettingsValue(
            Optional.ofNullable(update.maxUploadBytes()),
            update.anonymiseResults(),
            update.requireCriticApproval(),
            Optional.ofNullable(update.requiredApprovals())
                .orElseGet(() -> settings.view().requiredApprovals())));
  }
}
