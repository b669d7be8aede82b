package io.kursfilm.web.api;

import io.kursfilm.storage.http.ByteRange;
import io.kursfilm.video.boundary.Playback;
import io.kursfilm.video.boundary.PlaybackFile;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One HLS file as an HTTP response, whichever version it belongs to: ETag preconditions, a single
 * byte range (416 for a range that cannot be served), private caching.
 */
final class HlsResponses {

  private static final Logger LOG = Logger.getLogger(HlsResponses.class.getName());

  /** Bytes per write of HLS media to the response. */
  private static final int COPY_BUFFER = 64 * 1024;

  private HlsResponses() {}

  /** Opens the plaintext bytes of a found file: a member's playback or a guest's. */
  interface Ranges {
    InputStream open(PlaybackFile file, long offset, long length);
  }

  static Response serve(
      Playback playback, Optional<PlaybackFile> found, String range, Request request) {
    return serve(playback::open, found, range, request);
  }

  static Response serve(
      Ranges playback, Optional<PlaybackFile> found, String range, Request request) {
    PlaybackFile file = found.orElseThrow(NotFoundException::new);
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
   *
   * <p>A player that goes away mid-file (a seek, a switch of rendition, a closed tab) is normal, so
   * a failed write ends the copy quietly: rethrown, it reached Jersey as a SEVERE stack trace per
   * request, and under load the synchronised console handler held up every request thread. A failed
   * read is ours and still propagates.
   */
  private static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[COPY_BUFFER];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      try {
        out.write(buffer, 0, n);
      } catch (IOException clientGone) {
        LOG.log(Level.FINE, "HLS client went away mid-file", clientGone);
        return;
      }
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
}
