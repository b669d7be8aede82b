package io.kursfilm.web.api;

import io.kursfilm.offboarding.boundary.ExportDownload;
import io.kursfilm.offboarding.boundary.OffboardingView;
import io.kursfilm.offboarding.boundary.Offboardings;
import io.kursfilm.storage.http.ByteRange;
import io.kursfilm.web.security.PublicAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's offboarding, export part (TENANT_ADMIN: own tenant; ROOT: all, read only): start, the
 * state with progress and an expiring download link, the download itself (ranges), the admin's
 * confirmation of the download. Confirmation of the shred and cancel live in their own resources.
 */
@Path("offboarding")
@RequestScoped
@Tag(name = "offboarding")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class OffboardingResource {

  /** Bytes per write of the export to the response. */
  private static final int COPY_BUFFER = 256 * 1024;

  /** An offboarding as docs/api.md shows it; null fields are left out. */
  public record Offboarding(
      String id,
      String state,
      int progress,
      long exportDoneBytes,
      long exportTotalBytes,
      Instant requestedAt,
      Instant exportReadyAt,
      Instant downloadedAt,
      String exportUrl,
      Instant exportUrlExpiresAt,
      JsonObject certificate) {}

  @Inject Offboardings offboardings;

  @POST
  @Operation(
      summary =
          "Start the offboarding of my tenant (TENANT_ADMIN): everybody but the tenant's admins is"
              + " logged out, the tenant is frozen and its export written; 409 when one is running"
              + " or done")
  public Response start() {
    return Response.accepted(api(offboardings.start())).build();
  }

  @GET
  @Operation(summary = "Offboardings: all (ROOT) or my tenant's (TENANT_ADMIN), newest first")
  public List<Offboarding> list() {
    return offboardings.all().stream().map(this::api).toList();
  }

  @GET
  @Path("{id}")
  @Operation(
      summary =
          "State and export progress; exportUrl (a fresh expiring link, tenant admins only) once"
              + " the export is ready; certificate once the tenant is shredded")
  public Offboarding get(@PathParam("id") String id) {
    return offboardings.view(id).map(this::api).orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("{id}/downloaded")
  @Operation(summary = "Confirm that the export was downloaded (TENANT_ADMIN); 409 unless ready")
  public Offboarding downloaded(@PathParam("id") String id) {
    return offboardings.downloaded(id).map(this::api).orElseThrow(NotFoundException::new);
  }

  @GET
  @Path("{id}/export/{token}")
  @Produces("application/zip")
  @Operation(
      summary =
          "Download the export (ZIP64) through its link; needs the admin's session as well;"
              + " single byte ranges (206, 416)")
  public Response export(
      @PathParam("id") String id,
      @Parameter(description = "the link's token from exportUrl") @PathParam("token") String token,
      @HeaderParam("Range") String range) {
    Optional<ExportDownload> download;
    try {
      download = offboardings.download(id, token, range);
    } catch (ByteRange.NotSatisfiableException e) {
      long size = offboardings.view(id).map(OffboardingView::exportDoneBytes).orElse(0L);
      return Response.status(416)
          .header("Content-Range", ByteRange.unsatisfiedContentRange(size))
          .build();
    }
    ExportDownload d = download.orElseThrow(NotFoundException::new);
    long length = d.range() == null ? d.size() : d.range().length();
    StreamingOutput body =
        out -> {
          try (InputStream in = d.body()) {
            byte[] buffer = new byte[COPY_BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) {
              out.write(buffer, 0, n);
            }
          }
        };
    Response.ResponseBuilder response =
        d.range() == null
            ? Response.ok()
            : Response.status(206).header("Content-Range", d.range().contentRange(d.size()));
    return response
        .entity(body)
        .type("application/zip")
        .header("Accept-Ranges", "bytes")
        .header("Content-Length", length)
        .header("Content-Disposition", "attachment; filename=\"kursfilm-export-" + id + ".zip\"")
        .header("Cache-Control", "private, no-store")
        .build();
  }

  private Offboarding api(OffboardingView v) {
    String url =
        v.exportToken() == null
            ? null
            // From the public address, never from the Host header the client chose.
            : PublicAddress.configured()
                .of("/api/v1/offboarding/" + v.id() + "/export/" + v.exportToken());
    JsonObject certificate =
        v.certificate() == null
            ? null
            : Json.createReader(new StringReader(v.certificate())).readObject();
    return new Offboarding(
        v.id(),
        v.state(),
        v.progress(),
        v.exportDoneBytes(),
        v.exportTotalBytes(),
        v.requestedAt(),
        v.exportReadyAt(),
        v.downloadedAt(),
        url,
        v.exportLinkExpiresAt(),
        certificate);
  }
}
