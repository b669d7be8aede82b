package io.kursfilm.transcoder;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where ffprobe and ffmpeg read an untrusted upload from, and the only protocols they may use for
 * it. A file is read with {@code file} alone; a loopback URL (the decrypting stream the application
 * serves on 127.0.0.1) with {@code http,tcp}, so an input can never make ffmpeg open a local file.
 *
 * @param url what ffmpeg is given after {@code -i}
 * @param size bytes of the upload, known before ffmpeg runs
 * @param protocolWhitelist value for {@code -protocol_whitelist}
 */
public record MediaInput(String url, long size, String protocolWhitelist) {

  public MediaInput {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(protocolWhitelist, "protocolWhitelist");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
  }

  /** A local file, read with the {@code file} protocol only. */
  public static MediaInput file(Path file) throws IOException {
    return new MediaInput("file:" + file.toAbsolutePath(), Files.size(file), "file");
  }

  /** A stream served over HTTP on the loopback interface; only loopback addresses are accepted. */
  public static MediaInput loopback(URI uri, long size) {
    String host = uri.getHost();
    if (!"http".equals(uri.getScheme())
        || !("127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host))) {
      throw new IllegalArgumentException("not a loopback http URL");
    }
    return new MediaInput(uri.toString(), size, "http,tcp");
  }
}
