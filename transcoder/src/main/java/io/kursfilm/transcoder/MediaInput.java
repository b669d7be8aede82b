package io.kursfilm.transcoder;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where ffprobe and ffmpeg read an untrusted upload from, the only protocols they may use for it,
 * and what their {@link ProcessSandbox} must grant for it. A file is read with {@code file} alone
 * and is the one path the sandbox lets them read; a loopback URL (the decrypting stream the
 * application serves on 127.0.0.1) with {@code http,tcp}, so an input can never make ffmpeg open a
 * local file.
 *
 * <p>A loopback URL alone opens nothing: the server also wants the credentials in {@code
 * http_proxy}, which ffmpeg finds in its environment. The URL is on ffmpeg's command line, readable
 * by every local user; the environment only by the same user.
 *
 * @param url what ffmpeg is given after {@code -i}
 * @param size bytes of the upload, known before ffmpeg runs
 * @param protocolWhitelist value for {@code -protocol_whitelist}
 * @param readable what the sandbox must let ffmpeg read for this input
 * @param environment variables ffmpeg needs for this input (secret: never log them)
 */
public record MediaInput(
    String url,
    long size,
    String protocolWhitelist,
    List<Path> readable,
    Map<String, String> environment) {

  /** The user name in the loopback proxy credentials; the secret is the password. */
  public static final String PROXY_USER = "kf";

  public MediaInput {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(protocolWhitelist, "protocolWhitelist");
    readable = List.copyOf(readable);
    environment = Map.copyOf(environment);
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
  }

  /** A local file, read with the {@code file} protocol only. */
  public static MediaInput file(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    return new MediaInput(
        "file:" + absolute, Files.size(file), "file", List.of(absolute), Map.of());
  }

  /**
   * A stream served over HTTP on the loopback interface; only loopback addresses are accepted.
   * ffmpeg reaches it through the same server named as its HTTP proxy, which authenticates it with
   * {@code proxySecret}.
   */
  public static MediaInput loopback(URI uri, long size, String proxySecret) {
    String host = uri.getHost();
    if (!"http".equals(uri.getScheme())
        || !("127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host))) {
      throw new IllegalArgumentException("not a loopback http URL");
    }
    if (proxySecret.isEmpty() || !proxySecret.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("proxy secret must be URL-safe text");
    }
    String proxy =
        "http://" + PROXY_USER + ":" + proxySecret + "@" + host + ":" + uri.getPort() + "/";
    return new MediaInput(uri.toString(), size, "http,tcp", List.of(), Map.of("http_proxy", proxy));
  }

  /** Leaves out the URL and the environment: whoever holds both can read the upload. */
  @Override
  public String toString() {
    return "MediaInput[size=" + size + ", protocols=" + protocolWhitelist + "]";
  }
}
