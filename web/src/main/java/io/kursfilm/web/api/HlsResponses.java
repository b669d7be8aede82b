package io.kursfilm.web.api;

import io.kursfilm.video.boundary.Playback;
import io.kursfilm.video.boundary.PlaybackFile;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One HLS file as a JAX-RS response, whichever version it belongs to, as {@link HlsAnswer} decides
 * it; the bytes are decrypted while they are written.
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
      Playback playback, Optional<PlaybackFile> found, String range, String ifNoneMatch) {
    return serve(playback::open, found, range, ifNoneMatch);
  }

  static Response serve(
      Ranges playback, Optional<PlaybackFile> found, String range, String ifNoneMatch) {
    PlaybackFile file = found.orElseThrow(NotFoundException::new);
    HlsAnswer answer = HlsAnswer.of(file, range, ifNoneMatch);
    Response.ResponseBuilder response = Response.status(answer.status());
    answer.headers().forEach(response::header);
    if (answer.hasBody()) {
      response.entity(
          (StreamingOutput)
              out -> {
                try (InputStream in = playback.open(file, answer.offset(), answer.length())) {
                  copy(in, out);
                }
              });
    }
    return response.build();
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
  static void copy(InputStream in, OutputStream out) throws IOException {
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
}
