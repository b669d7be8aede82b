package io.kursfilm.web.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * The hostile client of HostileInputIT: any method, content type and body, sent as given (malformed
 * JSON included), with a client timeout and the time the answer took; and oversized bodies over a
 * plain socket, whose status line is read while the body is still being written.
 */
public final class RawHttp {

  /** An answer and how long it took. */
  public record Reply(int status, String body, Duration took) {
    public JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }
  }

  /** No answer within the client timeout. */
  public static final class NoAnswer extends IOException {
    NoAnswer(String message) {
      super(message);
    }
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  public RawHttp(URL base) {
    this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
  }

  public URI uri(String path) {
    return base.resolve(path);
  }

  public HttpClient client() {
    return http;
  }

  /**
   * Sends {@code body} as {@code type}; {@code headers} are name, value pairs.
   *
   * @throws NoAnswer when the server does not answer within 15 s
   */
  public Reply send(
      String method, String path, String token, String type, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(TIMEOUT)
            .header("Content-Type", type)
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    long started = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(), response.body(), Duration.ofNanos(System.nanoTime() - started));
    } catch (HttpTimeoutException e) {
      throw new NoAnswer(method + " " + path + ": no answer within " + TIMEOUT.toSeconds() + " s");
    }
  }

  /**
   * POSTs the headers of a JSON body of {@code length} bytes of {@code fill}, then, from another
   * thread, as much of it as the server takes, and returns the status line. Java's HttpClient reads
   * no answer before it has sent the whole body, so it would wait for a server that rightly stopped
   * reading.
   */
  public String statusOfBody(String path, long length, byte fill) throws IOException {
    URI target = uri(path);
    try (Socket socket = new Socket(target.getHost(), target.getPort())) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + target.getRawPath()
                  + " HTTP/1.1\r\nHost: "
                  + target.getHost()
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      Thread writer = new Thread(() -> write(out, length, fill));
      writer.setDaemon(true);
      writer.start();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
        line.append((char) c);
      }
      return line.toString().strip();
    }
  }

  private static void write(OutputStream out, long length, byte fill) {
    byte[] block = new byte[64 * 1024];
    Arrays.fill(block, fill);
    try {
      for (long sent = 0; sent < length; sent += block.length) {
        out.write(block, 0, (int) Math.min(block.length, length - sent));
      }
    } catch (IOException closed) {
      // The server answered and closed the connection: expected.
    }
  }
}
