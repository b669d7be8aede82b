package io.kursfilm.transcoder.loopback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loopback server answered over real HTTP connections. Like ffmpeg, the client goes through the
 * server as its HTTP proxy and answers the 407 with the lease's proxy credentials.
 */
class LoopbackServerTest {

  static final byte[] DATA = data(300_000);

  LoopbackServer server;
  MemorySource source;
  LoopbackServer.Lease lease;
  HttpClient http;

  @BeforeEach
  void start() throws IOException {
    server = LoopbackServer.start(2);
    source = new MemorySource(DATA);
    lease = server.publish(source);
    http = LoopbackClient.of(server, () -> lease);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void the_input_is_an_unguessable_loopback_url_with_the_size() {
    URI uri = URI.create(lease.input().url());

    assertEquals("127.0.0.1", uri.getHost());
    assertEquals(server.port(), uri.getPort());
    assertTrue(uri.getPath().matches("/[A-Za-z0-9_-]{43}/input"), uri.getPath());
    assertEquals(DATA.length, lease.input().size());
    assertEquals("http,tcp", lease.input().protocolWhitelist());
    assertNotEquals(lease.input().url(), server.publish(source).input().url());
    assertTrue(!lease.toString().contains(uri.getPath()));
  }

  @Test
  void get_without_range_returns_everything() throws Exception {
    HttpResponse<byte[]> response = send(get(null));

    assertEquals(200, response.statusCode());
    assertEquals("bytes", header(response, "Accept-Ranges"));
    assertEquals(String.valueOf(DATA.length), header(response, "Content-Length"));
    assertArrayEquals(DATA, response.body());
  }

  @Test
  void get_with_a_range_returns_partial_content() throws Exception {
    for (String[] c :
        new String[][] {
          {"bytes=1000-1999", "1000", "1999"},
          {"bytes=299000-", "299000", "299999"},
          {"bytes=-10", "299990", "299999"},
          {"bytes=0-999999", "0", "299999"}
        }) {
      HttpResponse<byte[]> response = send(get(c[0]));
      int first = Integer.parseInt(c[1]);
      int last = Integer.parseInt(c[2]);

      assertEquals(206, response.statusCode(), c[0]);
      assertEquals(
          "bytes " + first + "-" + last + "/" + DATA.length, header(response, "Content-Range"));
      assertEquals("bytes", header(response, "Accept-Ranges"));
      assertArrayEquals(Arrays.copyOfRange(DATA, first, last + 1), response.body(), c[0]);
    }
  }

  @Test
  void head_states_length_and_ranges_without_a_body() throws Exception {
    HttpResponse<byte[]> whole = send(head(null));
    HttpResponse<byte[]> part = send(head("bytes=10-19"));

    assertEquals(200, whole.statusCode());
    assertEquals(String.valueOf(DATA.length), header(whole, "Content-Length"));
    assertEquals("bytes", header(whole, "Accept-Ranges"));
    assertEquals(0, whole.body().length);
    assertEquals(206, part.statusCode());
    assertEquals("10", header(part, "Content-Length"));
    assertEquals("bytes 10-19/" + DATA.length, header(part, "Content-Range"));
    assertTrue(source.opened.isEmpty(), "a HEAD opened the source");
  }

  @Test
  void an_unsatisfiable_range_is_416_with_the_size() throws Exception {
    for (String range : new String[] {"bytes=300000-", "bytes=0-1,5-6", "bytes=-0", "bytes=x"}) {
      HttpResponse<byte[]> response = send(get(range));

      assertEquals(416, response.statusCode(), range);
      assertEquals("bytes */" + DATA.length, header(response, "Content-Range"));
    }
    assertTrue(source.opened.isEmpty());
  }

  @Test
  void other_methods_paths_and_tokens_are_refused() throws Exception {
    URI uri = URI.create(lease.input().url());
    String token = uri.getPath().split("/")[1];
    HttpRequest.BodyPublisher empty = HttpRequest.BodyPublishers.noBody();

    assertEquals(405, send(HttpRequest.newBuilder(uri).POST(empty).build()).statusCode());
    assertEquals(405, send(HttpRequest.newBuilder(uri).PUT(empty).build()).statusCode());
    assertEquals(405, send(HttpRequest.newBuilder(uri).DELETE().build()).statusCode());
    for (String path :
        new String[] {
          "/",
          "/" + token,
          "/" + token + "/",
          "/" + token + "/other",
          "/" + token + "/input/x",
          "/" + token + "/input?x.ts",
          "/x" + token + "/input",
          "/" + token.substring(1) + "/input",
          "//input",
          "/../" + token + "/input"
        }) {
      assertEquals(
          404,
          send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                  .build())
              .statusCode(),
          path);
    }
    assertTrue(source.opened.isEmpty());
  }

  @Test
  void the_url_from_the_command_line_alone_is_refused() throws Exception {
    HttpClient direct = HttpClient.newHttpClient();
    HttpResponse<byte[]> response =
        direct.send(get("bytes=0-9"), HttpResponse.BodyHandlers.ofByteArray());

    assertEquals(407, response.statusCode());
    assertEquals("Basic realm=\"kursfilm\"", header(response, "Proxy-Authenticate"));
    assertTrue(source.opened.isEmpty(), "nothing read without the proxy credentials");
  }

  @Test
  void another_lease_s_or_a_wrong_secret_is_refused() throws Exception {
    LoopbackServer.Lease other = server.publish(new MemorySource(new byte[10]));
    String[] wrong = {
      LoopbackClient.userInfo(other),
      "kf:" + LoopbackClient.userInfo(lease).split(":")[1].substring(1),
      "kf:"
    };
    for (String userInfo : wrong) {
      try (Socket socket = new Socket("127.0.0.1", server.port())) {
        assertTrue(
            rawGet(socket, URI.create(lease.input().url()).getPath(), userInfo)
                .startsWith("HTTP/1.1 407"),
            userInfo);
      }
    }
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      assertTrue(
          rawGet(socket, URI.create(lease.input().url()).getPath(), LoopbackClient.userInfo(lease))
              .startsWith("HTTP/1.1 206"));
    }
  }

  @Test
  void a_withdrawn_lease_is_404_even_with_its_credentials() throws Exception {
    lease.close();

    assertEquals(404, send(get(null)).statusCode());
    assertEquals(404, send(head(null)).statusCode());
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      assertTrue(
          rawGet(socket, URI.create(lease.input().url()).getPath(), LoopbackClient.userInfo(lease))
              .startsWith("HTTP/1.1 404"));
    }
  }

  @Test
  void the_proxy_secret_stays_out_of_the_url_and_of_to_string() {
    String secret = LoopbackClient.userInfo(lease).split(":")[1];

    assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), "256 random bits");
    assertTrue(!lease.input().url().contains(secret));
    assertTrue(!lease.input().toString().contains(secret));
    assertTrue(!lease.input().toString().contains(lease.input().url()));
  }

  /** Sends a GET with {@code userInfo} as proxy credentials; returns the status line. */
  private static String rawGet(Socket socket, String path, String userInfo) throws IOException {
    String credentials =
        java.util.Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET "
                + path
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes=0-0\r\n"
                + "Proxy-Authorization: Basic "
                + credentials
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    StringBuilder line = new StringBuilder();
    InputStream in = socket.getInputStream();
    for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
      line.append((char) c);
    }
    return line.toString();
  }

  @Test
  void an_empty_source_is_served_as_zero_bytes() throws Exception {
    lease = server.publish(new MemorySource(new byte[0]));

    HttpResponse<byte[]> response = send(get(null));

    assertEquals(200, response.statusCode());
    assertEquals("0", header(response, "Content-Length"));
    assertEquals(416, send(get("bytes=0-")).statusCode());
  }

  @Test
  void a_source_that_cannot_open_is_500_without_a_range() throws Exception {
    lease =
        server.publish(
            RangeSource.of(
                DATA.length,
                (offset, length) -> {
                  throw new IOException("object store unreachable");
                }));

    HttpResponse<byte[]> response = send(get("bytes=0-9"));

    assertEquals(500, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Range").isEmpty());
  }

  @Test
  void a_source_failing_midway_cuts_the_response_short() throws Exception {
    lease =
        server.publish(
            new RangeSource() {
              @Override
              public long size() {
                return DATA.length;
              }

              @Override
              public InputStream open(long offset, long length) {
                return new InputStream() {
                  int served;

                  @Override
                  public int read() throws IOException {
                    if (served++ > 100_000) {
                      throw new IOException("decryption failed");
                    }
                    return 7;
                  }
                };
              }
            });

    // The client must not mistake the cut-off body for the whole one.
    assertThrows(IOException.class, () -> send(get(null)));
  }

  @Test
  void a_client_going_away_midway_closes_the_source_and_the_server_carries_on() throws Exception {
    MemorySource large = new MemorySource(data(20_000_000));
    lease = server.publish(large);
    URI uri = URI.create(lease.input().url());
    for (int i = 0; i < 4; i++) { // more often than there are threads
      try (Socket socket = new Socket("127.0.0.1", server.port())) {
        OutputStream out = socket.getOutputStream();
        String credentials =
            java.util.Base64.getEncoder()
                .encodeToString(LoopbackClient.userInfo(lease).getBytes(StandardCharsets.UTF_8));
        out.write(
            ("GET "
                    + uri.getPath()
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nProxy-Authorization: Basic "
                    + credentials
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertEquals(10_000, socket.getInputStream().readNBytes(10_000).length);
      }
    }

    HttpResponse<byte[]> response = send(get("bytes=0-9"));

    assertEquals(206, response.statusCode());
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (large.closed.get() < 4 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(5, large.closed.get(), "every opened range was closed");
  }

  @Test
  void a_closed_server_refuses_connections() {
    server.close();

    IOException e = assertThrows(IOException.class, () -> send(get(null)));
    assertTrue(e instanceof ConnectException || e.getCause() instanceof ConnectException, "" + e);
    assertThrows(IllegalStateException.class, () -> server.publish(source));
  }

  private HttpRequest get(String range) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(lease.input().url()));
    if (range != null) {
      builder.header("Range", range);
    }
    return builder.build();
  }

  private HttpRequest head(String range) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(lease.input().url()))
            .method("HEAD", HttpRequest.BodyPublishers.noBody());
    if (range != null) {
      builder.header("Range", range);
    }
    return builder.build();
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  static byte[] data(int size) {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return data;
  }
}
