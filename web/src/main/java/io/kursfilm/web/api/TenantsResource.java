package io.kursfilm.web.api;

import io.kursfilm.operator.boundary.Tenants;
import io.kursfilm.tenant.boundary.TenantView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customer companies (ROOT). */
@Path("tenants")
@RequestScoped
@Tag(name = "tenants")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class TenantsResource {

  public record NewTenant(String slug, String name, String adminEmail, String adminPassword) {}

  public record Created(String id, String slug) {}

  @Inject Tenants tenants;

  @GET
  @Operation(summary = "All tenants")
  public List<TenantView> list() {
    return tenants.list();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a tenant with its key and first admin")
  public Response create(NewTenant request) {
    if (request == null) {
      throw new IllegalArgumentException("body required");
    }
    TenantView created =
        tenants.create(
            request.slug(),
            request.name(),
            request.adminEmail(),
            request.adminPassword() == null ? null : request.adminPassword().toCharArray());
    return Response.status(Response.Status.CREATED)
        .entity(new Created(created.id(), created.slug()))
        .build();
  }
}
