package io.kursfilm.web.api;

import io.kursfilm.video.boundary.PlaybackFile;
import io.kursfilm.video.boundary.PlaybackFiles;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.FilterOutputStream;
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

  private HlsResponses() {}

  static Response serve(
      PlaybackFiles files, Optional<PlaybackFile> found, String range, String ifNoneMatch) {
    PlaybackFile file = found.orElseThrow(NotFoundException::new);
    HlsAnswer answer = HlsAnswer.of(file, range, ifNoneMatch);
    Response.ResponseBuilder response = Response.status(answer.status());
    answer.headers().forEach(response::header);
    if (answer.hasBody()) {
      response.entity(
          (StreamingOutput)
              out -> {
                try (InputStream in = files.open(file, answer.offset(), answer.length())) {
                  copy(in, out);
                }
              });
    }
    return response.build();
  }

  /**
   * Copies with the stream's own {@link InputStream#transferTo}: the sealed streams write whole
   * decrypted segments, or blocks of 64 KiB, so each write passing the servlet's output layers
   * carries much.
   *
   * <p>A player that goes away mid-file (a seek, a switch of rendition, a closed tab) is normal, so
   * a failed write ends the copy quietly: rethrown, it reached Jersey as a SEVERE stack trace per
   * request, and under load the synchronised console handler held up every request thread. A failed
   * read is ours and still propagates.
   */
  static void copy(InputStream in, OutputStream out) throws IOException {
    ClientOutput client = new ClientOutput(out);
    try {
      in.transferTo(client);
    } catch (IOException e) {
      if (!client.gone) {
        throw e;
      }
      LOG.log(Level.FINE, "HLS client went away mid-file", e);
    }
  }

  /** The response's stream, remembering whether a write to it failed. */
  private static final class ClientOutput extends FilterOutputStream {
    private boolean gone;

    ClientOutput(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        gone = true;
        throw e;
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }
  }
}
