package io.kursfilm.web.api;

import io.kursfilm.learning.boundary.CertificateDocument;
import io.kursfilm.learning.boundary.CertificateView;
import io.kursfilm.learning.boundary.Certificates;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Certificates of completion: the employee's own, their PDFs, and the anonymous verification. */
@Path("certificates")
@RequestScoped
@Tag(name = "certificates")
@SecurityRequirement(name = "bearer")
public class CertificatesResource {

  @Inject Certificates certificates;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The caller's certificates, newest first (EMPLOYEE)")
  public List<CertificateView> mine() {
    return certificates.mine();
  }

  @GET
  @Path("{id}.pdf")
  @Produces("application/pdf")
  @Operation(
      summary = "A certificate as PDF",
      description =
          "The owner (EMPLOYEE); a TENANT_ADMIN any of the tenant's (audited as"
              + " CERTIFICATE_READ). Another person's looks missing.")
  @APIResponse(responseCode = "404", description = "No certificate the caller may read")
  public Response pdf(@PathParam("id") String id) {
    CertificateDocument document = certificates.pdf(id).orElseThrow(NotFoundException::new);
    return Response.ok(document.pdf(), "application/pdf")
        .header("Content-Disposition", "attachment; filename=\"" + document.fileName() + "\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Path("{id}/verify")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Whether a verification id is valid (anonymous)",
      description = "{\"valid\":bool} and nothing else: no name, company or title.")
  public Map<String, Boolean> verify(@PathParam("id") String id) {
    return Map.of("valid", certificates.verify(id));
  }
}
