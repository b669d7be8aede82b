package io.kursfilm.web.api;

import io.kursfilm.kernel.Caller;
import io.kursfilm.video.boundary.Playback;
import io.kursfilm.video.boundary.PlaybackFile;
import io.kursfilm.video.boundary.PlaybackFiles;
import io.kursfilm.web.security.KursfilmAuthenticationMechanism;
import io.kursfilm.web.security.SecurityHeaders;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The fast path of {@code GET /api/v1/videos/{id}/hls/{path}}, the request a player repeats every
 * few seconds: served here, in front of JAX-RS, for an authenticated caller whose file {@link
 * Playback} finds (the same boundary, so the same roles, tenant and state checks). Profiling showed
 * routing and building the request-scoped resource per segment cost more CPU than decrypting it.
 * Every other outcome (no caller, no such file, a refused role, an odd path) goes on to the JAX-RS
 * endpoint {@link VideosResource#hls}, which answers it as before and is the documented twin.
 * {@code kursfilm.playback.fast-path=false} sends everything there (the delivery bench measures
 * both).
 */
@WebFilter(filterName = "HlsFilter", urlPatterns = "/api/v1/videos/*")
public class HlsFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** Only plain paths; anything encoded or unusual is JAX-RS's to decode and judge. */
  private static final Pattern HLS =
      Pattern.compile("/api/v1/videos/([0-9A-Fa-f-]{36})/hls/([A-Za-z0-9_./-]{1,80})");

  @Inject transient Caller caller;
  @Inject transient Playback playback;
  @Inject transient PlaybackFiles files;

  private transient boolean enabled;
  private transient SecurityHeaders headers;

  @Override
  public void init() {
    enabled = ConfigProvider.getConfig().getValue("kursfilm.playback.fast-path", Boolean.class);
    headers = SecurityHeaders.of(getServletContext());
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    Optional<PlaybackFile> found = enabled ? find(req) : Optional.empty();
    if (found.isEmpty()) {
      chain.doFilter(req, res);
      return;
    }
    HlsAnswer answer =
        HlsAnswer.of(found.get(), req.getHeader("Range"), req.getHeader("If-None-Match"));
    headers.of(req.isSecure()).forEach(res::setHeader);
    res.setStatus(answer.status());
    answer.headers().forEach(res::setHeader);
    if (answer.hasBody() && !"HEAD".equals(req.getMethod())) {
      try (InputStream in = files.open(found.get(), answer.offset(), answer.length())) {
        HlsResponses.copy(in, res.getOutputStream());
      }
    }
  }

  /** The file asked for, when this path may serve it; empty hands the request on. */
  private Optional<PlaybackFile> find(HttpServletRequest req) {
    if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
      return Optional.empty();
    }
    Matcher m = HLS.matcher(req.getRequestURI().substring(req.getContextPath().length()));
    if (!m.matches() || m.group(2).contains("..")) {
      return Optional.empty();
    }
    return KursfilmAuthenticationMechanism.callerOf(req)
        .flatMap(
            who -> {
              caller.bind(who);
              try {
                return playback.file(m.group(1), m.group(2));
              } catch (RuntimeException refused) {
                // A role the boundary refuses, a frozen tenant: the endpoint answers it in JSON.
                return Optional.empty();
              }
            });
  }
}
