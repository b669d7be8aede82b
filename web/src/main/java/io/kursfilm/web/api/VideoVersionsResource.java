package io.kursfilm.web.api;

import io.kursfilm.video.boundary.Captions;
import io.kursfilm.video.boundary.Playback;
import io.kursfilm.video.boundary.PlaybackFiles;
import io.kursfilm.video.boundary.UploadStatus;
import io.kursfilm.video.boundary.VersionView;
import io.kursfilm.video.boundary.VideoDetails;
import io.kursfilm.video.boundary.VideoUploads;
import io.kursfilm.video.boundary.VideoView;
import io.kursfilm.video.boundary.Videos;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The versions of a video: their history, new media with the same upload protocols as a new video,
 * and playback of one version by number for its trainers, critics and admins (employees get a 404:
 * they see the published version only, under {@code /videos/{id}/hls}).
 */
@Path("videos/{id}/versions")
@RequestScoped
@Tag(name = "videos")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class VideoVersionsResource {

  @Inject Videos videos;
  @Inject VideoUploads uploads;
  @Inject Playback playback;
  @Inject PlaybackFiles files;
  @Inject Captions captions;

  @GET
  @Operation(summary = "Version history, newest first (TRAINER, CRITIC, TENANT_ADMIN)")
  public List<VersionView> list(@PathParam("id") String id) {
    return videos.versions(id).orElseThrow(NotFoundException::new);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Begin a resumable upload of new media: the next version (TRAINER of the video)",
      description =
          "Body as for POST /videos/uploads; title and the rest may be left out (the newest"
              + " version's stay). Then PUT /videos/{id}/chunks/{index} and POST"
              + " /videos/{id}/upload/complete as for a new video. 409 while the newest version is"
              + " still uploading or processing.")
  @APIResponse(responseCode = "201", description = "The upload's status, with its version number")
  public Response declare(@PathParam("id") String id, VideosResource.NewUpload upload) {
    if (upload == null || upload.size() == null) {
      throw new IllegalArgumentException("body {\"size\", ...} required");
    }
    UploadStatus status =
        uploads
            .declareVersion(id, details(upload), upload.size())
            .orElseThrow(NotFoundException::new);
    return Response.status(Response.Status.CREATED).entity(status).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(summary = "Upload new media as the request body: the next version (TRAINER)")
  @APIResponse(responseCode = "202", description = "Accepted; see state and progress")
  public Response uploadWhole(
      @PathParam("id") String id,
      @QueryParam("title") String title,
      @QueryParam("description") String description,
      @QueryParam("tags") String tags,
      @QueryParam("language") String language,
      InputStream body) {
    VideoDetails details =
        title == null ? null : new VideoDetails(title, description, tags, language);
    VideoView video =
        uploads.uploadWholeVersion(id, details, body).orElseThrow(NotFoundException::new);
    return Response.accepted(video).build();
  }

  @GET
  @Path("{number}/hls/{path: .+}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "HLS files of one version (TRAINER, CRITIC, TENANT_ADMIN)")
  public Response hls(
      @PathParam("id") String id,
      @PathParam("number") int number,
      @PathParam("path") String path,
      @HeaderParam("Range") String range,
      @HeaderParam("If-None-Match") String ifNoneMatch) {
    return HlsResponses.serve(files, playback.file(id, number, path), range, ifNoneMatch);
  }

  @GET
  @Path("{number}/captions/{language}.vtt")
  @Produces("text/vtt")
  @Operation(summary = "The WebVTT captions of one language in one version")
  public Response captionText(
      @PathParam("id") String id,
      @PathParam("number") int number,
      @PathParam("language") String language) {
    byte[] text =
        captions.read(id, Integer.toString(number), language).orElseThrow(NotFoundException::new);
    return Response.ok(text, "text/vtt; charset=utf-8").build();
  }

  private static VideoDetails details(VideosResource.NewUpload upload) {
    return upload.title() == null
        ? null
        : new VideoDetails(upload.title(), upload.description(), upload.tags(), upload.language());
  }
}
