package io.kursfilm.web.api;

import io.kursfilm.offboarding.boundary.OffboardingShreds;
import io.kursfilm.tenant.boundary.ShredReceipt;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The signed certificate of a finished shred, as JSON (authoritative, checked by {@code
 * infra/verify-certificate}) or PDF: for the tenant's admin while their account lasts, for ROOT,
 * and for whoever holds the certificate token of the confirmation (the admin after the shred).
 */
@Path("offboarding/{id}/{file: certificate(?:\\.pdf)?}")
@RequestScoped
@Tag(name = "offboarding")
@SecurityRequirement(name = "bearer")
public class OffboardingCertificateResource {

  @Inject OffboardingShreds shreds;

  @GET
  @Operation(
      summary = "The shred certificate: …/certificate (JSON) or …/certificate.pdf",
      description =
          "TENANT_ADMIN of the tenant or ROOT with a session; or anyone with ?token= the"
              + " certificateToken of the confirmation, for "
              + "kursfilm.offboarding.certificate-token-ttl. 404 until the shred has finished.")
  @APIResponse(responseCode = "200", description = "The certificate")
  @APIResponse(responseCode = "404", description = "No such offboarding or no certificate yet")
  public Response certificate(
      @PathParam("id") String id,
      @PathParam("file") String file,
      @QueryParam("token") String token) {
    Optional<ShredReceipt> receipt =
        token != null ? shreds.certificateByToken(id, token) : shreds.certificate(id);
    ShredReceipt found = receipt.orElseThrow(NotFoundException::new);
    boolean pdf = file.endsWith(".pdf");
    return Response.ok(
            pdf ? found.pdf() : found.json(), pdf ? "application/pdf" : "application/json")
        .header(
            "Content-Disposition",
            "attachment; filename=\"shred-certificate-"
                + found.certificate().tenantId()
                + (pdf ? ".pdf" : ".json")
                + "\"")
        .header("Cache-Control", "no-store")
        .build();
  }
}
