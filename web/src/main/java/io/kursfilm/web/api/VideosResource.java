package io.kursfilm.web.api;

import io.kursfilm.video.boundary.Playback;
import io.kursfilm.video.boundary.PlaybackFiles;
import io.kursfilm.video.boundary.UploadRows;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
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

  @Inject Videos videos;
  @Inject VideoUploads uploads;
  @Inject Playback playback;
  @Inject PlaybackFiles files;
  @Inject UploadRows rows;

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
    return rows.uploadStatus(id).orElseThrow(NotFoundException::new);
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

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @BodyLimit(64 * 1024)
  @Operation(
      summary = "Change title, description, tags, language (the video's TRAINERs)",
      description =
          "Once a critic may have seen the newest version, the change makes a new version on the"
              + " same media that goes back to review; the published one stays.")
  public VideoView describe(@PathParam("id") String id, NewUpload details) {
    if (details == null) {
      throw new IllegalArgumentException("body {\"title\", ...} required");
    }
    return videos
        .describe(
            id,
            new VideoDetails(
                details.title(), details.description(), details.tags(), details.language()))
        .orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("{id}/publish")
  @Operation(
      summary = "Publish the newest version where no critic's approval is required (TRAINER)",
      description = "Only the video's trainers; 409 when the tenant requires a critic's approval.")
  public VideoView publish(@PathParam("id") String id) {
    return videos.publish(id).orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("{id}/archive")
  @Operation(
      summary = "Take the published version off the portal (TRAINER of the video, TENANT_ADMIN)")
  public VideoView archive(@PathParam("id") String id) {
    return videos.archive(id).orElseThrow(NotFoundException::new);
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
      @HeaderParam("If-None-Match") String ifNoneMatch) {
    return HlsResponses.serve(files, playback.file(id, path), range, ifNoneMatch);
  }

  private static VideoState state(String name) {
    try {
      return VideoState.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("state: unknown state " + name);
    }
  }
}
