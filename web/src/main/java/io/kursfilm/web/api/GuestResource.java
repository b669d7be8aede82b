package io.kursfilm.web.api;

import io.kursfilm.video.boundary.GuestOpening;
import io.kursfilm.video.boundary.GuestPlayback;
import io.kursfilm.video.boundary.PlaybackFiles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Watching through a guest link, without an account: open the link (token and, where it has one,
 * password), then fetch HLS under the grant the opening answered. The guest page does the same
 * through its bean.
 */
@Path("guest")
@RequestScoped
@Tag(name = "guest-links")
public class GuestResource {

  /** The token from the link's URL ({@code t}) and the password, where the link has one. */
  public record Open(String token, String password) {}

  @Inject GuestPlayback playback;
  @Inject PlaybackFiles files;

  @POST
  @Path("open")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @BodyLimit(BodyLimit.PUBLIC)
  @Operation(
      summary = "Opens a guest link (anonymous); audited by link id",
      description =
          "{\"token\",\"password\"?} → {\"title\",\"playlist\",\"captions\":[{\"language\","
              + "\"label\",\"url\"}]}: paths under /api/v1/ for this opening.")
  @APIResponse(responseCode = "200", description = "{\"title\",\"playlist\"}")
  @APIResponse(responseCode = "401", description = "password_required or wrong_password")
  @APIResponse(responseCode = "404", description = "No such link")
  @APIResponse(responseCode = "410", description = "Revoked, expired or the video not published")
  @APIResponse(responseCode = "429", description = "Too many wrong passwords; Retry-After")
  public Response open(Open body) {
    if (body == null || body.token() == null) {
      throw new IllegalArgumentException("body {\"token\", \"password\"?} required");
    }
    char[] password = body.password() == null ? null : body.password().toCharArray();
    GuestOpening opening = playback.openLink(body.token(), password);
    return switch (opening.outcome()) {
      case OPENED ->
          Response.ok(
                  Map.of(
                      "title",
                      opening.title(),
                      "playlist",
                      "guest/" + opening.grant() + "/hls/master.m3u8",
                      "captions",
                      opening.captions().stream()
                          .map(
                              c ->
                                  Map.of(
                                      "language",
                                      c.language(),
                                      "label",
                                      c.label(),
                                      "url",
                                      "guest/"
                                          + opening.grant()
                                          + "/captions/"
                                          + c.language()
                                          + ".vtt"))
                          .toList()))
              .header("Cache-Control", "no-store")
              .build();
      case PASSWORD_REQUIRED ->
          ApiError.response(
              Status.UNAUTHORIZED, "password_required", "This link asks for a password.");
      case WRONG_PASSWORD ->
          ApiError.response(Status.UNAUTHORIZED, "wrong_password", "Wrong password.");
      case THROTTLED ->
          Response.fromResponse(
                  ApiError.response(
                      Status.TOO_MANY_REQUESTS,
                      "throttled",
                      "Too many wrong passwords; try again later."))
              .header("Retry-After", opening.retryAfterSeconds())
              .build();
      case ENDED -> ApiError.response(Status.GONE, "gone", "This link has ended or was revoked.");
      case UNKNOWN -> ApiError.response(Status.NOT_FOUND, "not_found", "No such link.");
    };
  }

  @GET
  @Path("{grant}/captions/{language}.vtt")
  @Produces("text/vtt")
  @Operation(summary = "WebVTT captions of the published version for an opened guest link")
  @APIResponse(responseCode = "404", description = "Grant, link, video or language not valid")
  public Response captions(
      @PathParam("grant") String grant, @PathParam("language") String language) {
    byte[] text = playback.captions(grant, language).orElseThrow(NotFoundException::new);
    return Response.ok(text, "text/vtt; charset=utf-8")
        .header("Cache-Control", HlsAnswer.cacheControl(false))
        .build();
  }

  @GET
  @Path("{grant}/hls/{path: .+}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "HLS files of the published version for an opened guest link (anonymous)")
  @APIResponse(responseCode = "404", description = "Grant, link or video no longer valid")
  public Response hls(
      @PathParam("grant") String grant,
      @PathParam("path") String path,
      @HeaderParam("Range") String range,
      @HeaderParam("If-None-Match") String ifNoneMatch) {
    return HlsResponses.serve(files, playback.file(grant, path), range, ifNoneMatch);
  }
}
