package io.kursfilm.web.api;

import io.kursfilm.storage.http.ByteRange;
import io.kursfilm.video.boundary.CaptionView;
import io.kursfilm.video.boundary.Captions;
import io.kursfilm.video.boundary.Playback;
import io.kursfilm.video.boundary.PlaybackFile;
import io.kursfilm.video.boundary.UploadStatus;
import io.kursfilm.video.boundary.VideoDetails;
import io.kursfilm.video.boundary.VideoState;
import io.kursfilm.video.boundary.VideoUploads;
import io.kursfilm.video.boundary.VideoView;
import io.kursfilm.video.boundary.Videos;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Videos of the caller's tenant: upload (whole or in resumable chunks), state and progress, cancel
 * and delete, and HLS playback with {@code Range}.
 */
@Path("videos")
@RequestScoped
@Tag(name = "videos")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class VideosResource {

  /** A resumable upload about to begin: the details and the exact size in bytes. */
  public record NewUpload(
      String title, String description, String tags, String language, Long size) {}

  /** Bytes per write of HLS media to the response. */
  private static final int COPY_BUFFER = 64 * 1024;

  @Inject Videos videos;
  @Inject VideoUploads uploads;
  @Inject Playback playback;
  @Inject Captions captions;

  @GET
  @Operation(summary = "Videos of the own tenant (employees: published ones only)")
  public List<VideoView> list(@QueryParam("state") String state) {
    return videos.list(Optional.ofNullable(state).map(VideosResource::state));
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One video with state, progress and the reason of a rejection")
  public VideoView find(@PathParam("id") String id) {
    return videos.find(id).orElseThrow(NotFoundException::new);
  }

  @POST
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(
      summary = "Upload a whole video as the request body (TRAINER)",
      description =
          "Sealed as it arrives. 202 with the video in state UPLOADED (or REJECTED_INPUT for an"
              + " empty or too large body); transcoding follows, poll GET /videos/{id}.")
  @APIResponse(responseCode = "202", description = "Accepted; see state and progress")
  public Response upload(
      @QueryParam("title") String title,
      @QueryParam("description") String description,
      @QueryParam("tags") String tags,
      @QueryParam("language") String language,
      InputStream body) {
    VideoView video =
        uploads.uploadWhole(new VideoDetails(title, description, tags, language), body);
    return Response.accepted(video).build();
  }

  @POST
  @Path("uploads")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Begin a resumable upload (TRAINER)",
      description =
          "Returns the chunk size and count: PUT each chunk to /videos/{id}/chunks/{index}, in any"
              + " order and again after a dropped connection, then POST /videos/{id}/upload/complete.")
  @APIResponse(responseCode = "201", description = "The upload's status")
  @APIResponse(responseCode = "413", description = "Larger than allowed")
  public Response declare(NewUpload upload) {
    if (upload == null || upload.size() == null) {
      throw new IllegalArgumentException("body {\"title\", \"size\", ...} required");
    }
    UploadStatus status =
        uploads.declare(
            new VideoDetails(
                upload.title(), upload.description(), upload.tags(), upload.language()),
            upload.size());
    return Response.status(Response.Status.CREATED).entity(status).build();
  }

  @GET
  @Path("{id}/upload")
  @Operation(summary = "Which chunks of a resumable upload are stored (to resume it)")
  public UploadStatus uploadStatus(@PathParam("id") String id) {
    return videos.uploadStatus(id).orElseThrow(NotFoundException::new);
  }

  @PUT
  @Path("{id}/chunks/{index}")
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(summary = "Store one chunk (idempotent); its length must be exactly as announced")
  public UploadStatus putChunk(
      @PathParam("id") String id, @PathParam("index") int index, InputStream body) {
    return uploads.putChunk(id, index, body).orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("{id}/upload/complete")
  @Operation(summary = "Close a resumable upload and queue its transcoding; 409 if chunks miss")
  @APIResponse(responseCode = "202", description = "Accepted; see state and progress")
  public Response complete(@PathParam("id") String id) {
    return Response.accepted(uploads.complete(id).orElseThrow(NotFoundException::new)).build();
  }

  @DELETE
  @Path("{id}")
  @Operation(
      summary = "Delete a video with all its files, or cancel its processing",
      description = "While it is being processed, 202: the job stops and discards it.")
  public Response delete(@PathParam("id") String id) {
    VideoView video = videos.find(id).orElseThrow(NotFoundException::new);
    if (!uploads.delete(id)) {
      throw new NotFoundException();
    }
    return video.processing() ? Response.accepted().build() : Response.noContent().build();
  }

  @GET
  @Path("{id}/captions")
  @Operation(summary = "Caption tracks of a video")
  public List<CaptionView> captions(@PathParam("id") String id) {
    videos.find(id).orElseThrow(NotFoundException::new);
    return captions.list(id);
  }

  @PUT
  @Path("{id}/captions/{language}")
  @Consumes({"text/vtt", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(summary = "Add or replace the WebVTT captions of one language (TRAINER)")
  @APIResponse(responseCode = "204", description = "Stored")
  @APIResponse(responseCode = "400", description = "Not WebVTT, too large or a bad language tag")
  public Response putCaptions(
      @PathParam("id") String id,
      @PathParam("language") String language,
      @QueryParam("label") String label,
      InputStream body) {
    if (!captions.put(id, language, label, body)) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  @DELETE
  @Path("{id}/captions/{language}")
  @Operation(summary = "Remove the captions of one language (TRAINER)")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "No such video or no captions in that language")
  public Response removeCaptions(
      @PathParam("id") String id, @PathParam("language") String language) {
    if (!captions.remove(id, language)) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/captions/{language}.vtt")
  @Produces("text/vtt")
  @Operation(summary = "The WebVTT captions of one language, for the player")
  public Response captionText(@PathParam("id") String id, @PathParam("language") String language) {
    byte[] text = captions.read(id, language).orElseThrow(NotFoundException::new);
    return Response.ok(text, "text/vtt; charset=utf-8").build();
  }

  @GET
  @Path("{id}/hls/{path: .+}")
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary = "HLS playlists, segments, poster and thumbnails; Range and If-None-Match supported")
  public Response hls(
      @PathParam("id") String id,
      @PathParam("path") String path,
      @HeaderParam("Range") String range,
      @Context Request request) {
    PlaybackFile file = playback.file(id, path).orElseThrow(NotFoundException::new);
    String etag = file.etag();
    // JAX-RS compares If-None-Match (and If-Match) per RFC 9110: weak comparison on GET, "*" and
    // lists included; a match comes back as a 304 builder that already carries the ETag.
    Response.ResponseBuilder precondition = request.evaluatePreconditions(EntityTag.valueOf(etag));
    if (precondition != null) {
      return precondition.header("Cache-Control", cacheControl(file)).build();
    }
    Optional<ByteRange> asked;
    try {
      asked = ByteRange.parse(range, file.size());
    } catch (ByteRange.NotSatisfiableException e) {
      return Response.status(416)
          .header("Content-Range", ByteRange.unsatisfiedContentRange(file.size()))
          .build();
    }
    long offset = asked.map(ByteRange::first).orElse(0L);
    long length = asked.map(ByteRange::length).orElse(file.size());
    StreamingOutput body =
        out -> {
          try (InputStream in = playback.open(file, offset, length)) {
            copy(in, out);
          }
        };
    Response.ResponseBuilder response =
        asked.isPresent()
            ? Response.status(206).header("Content-Range", asked.get().contentRange(file.size()))
            : Response.ok();
    return response
        .entity(body)
        .type(file.contentType())
        .header("Accept-Ranges", "bytes")
        .header("Content-Length", length)
        .header("ETag", etag)
        .header("Cache-Control", cacheControl(file))
        .build();
  }

  /**
   * Copies in blocks of a few segments' worth rather than {@link InputStream#transferTo}'s 8 KiB:
   * each write passes the JAX-RS and servlet output layers, so fewer, larger writes cost less.
   */
  private static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[COPY_BUFFER];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, n);
    }
  }

  /**
   * Private content, never in shared caches. Playlists are revalidated (the ETag check passes
   * through the video's current state); media is never stored, so nothing of a video stays in a
   * browser's cache once it is archived or deleted.
   */
  static String cacheControl(PlaybackFile file) {
    return cacheControl(file.playlist());
  }

  static String cacheControl(boolean playlist) {
    return playlist ? "private, no-cache" : "private, no-store";
  }

  private static VideoState state(String name) {
    try {
      return VideoState.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("state: unknown state " + name);
    }
  }
}
