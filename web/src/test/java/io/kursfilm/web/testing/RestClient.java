package io.kursfilm.web.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The black-box client of the REST API that every integration test uses: JSON, CSV and plain GETs
 * of pages, bearer tokens, extra headers, and optionally a client address it poses as
 * (X-Forwarded-For, trusted in the test configuration).
 */
public final class RestClient {

  /** A response: status, body and the {@code Retry-After} header if any. */
  public record Reply(int status, String body, Optional<String> retryAfter) {
    public JsonObject json() {
      return (JsonObject) parse();
    }

    public JsonArray array() {
      return (JsonArray) parse();
    }

    private JsonStructure parse() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.read();
      }
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String address;

  public RestClient(URL base) {
    this(base, null);
  }

  /** A client whose requests come from {@code address} (null: the real one). */
  public RestClient(URL base, String address) {
    this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
    this.address = address;
  }

  /** {@code headers} are name, value pairs. */
  public Reply get(String path, String token, String... headers) throws Exception {
    return send(request(path, token, headers).GET());
  }

  public Reply post(String path, String token, JsonObject body, String... headers)
      throws Exception {
    return send(
        request(path, token, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  public Reply put(String path, String token, JsonObject body, String... headers) throws Exception {
    return send(
        request(path, token, headers)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  public Reply postCsv(String path, String token, String csv, String... headers) throws Exception {
    return send(
        request(path, token, headers)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv)));
  }

  /** Sends a text body of {@code contentType} with PUT. */
  public Reply putText(String path, String token, String contentType, String body)
      throws Exception {
    return send(
        request(path, token)
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Sends raw bytes ({@code application/octet-stream}) with {@code method}. */
  public Reply sendBytes(String method, String path, String token, byte[] body) throws Exception {
    return send(
        request(path, token)
            .header("Content-Type", "application/octet-stream")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A GET whose body is kept as bytes, with the response headers. */
  public Download download(String path, String token, String... headers) throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            request(path, token, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Download(response.statusCode(), response.body(), response.headers());
  }

  /** A binary response. */
  public record Download(int status, byte[] body, java.net.http.HttpHeaders headers) {
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public Reply delete(String path, String token) throws Exception {
    return send(request(path, token).DELETE());
  }

  /** A login attempt, whatever its outcome. */
  public Reply tryLogin(String tenant, String email, String password) throws Exception {
    return post("api/v1/sessions", null, credentials(tenant, email, password));
  }

  /** Logs in and returns the bearer token; fails the test when login is refused. */
  public String login(String tenant, String email, String password) throws Exception {
    Reply reply = tryLogin(tenant, email, password);
    if (reply.status() != 201) {
      throw new AssertionError("login of " + email + " refused: " + reply);
    }
    return reply.json().getString("token");
  }

  public static JsonObject credentials(String tenant, String email, String password) {
    return Json.createObjectBuilder()
        .add("tenant", tenant)
        .add("email", email)
        .add("password", password)
        .build();
  }

  private HttpRequest.Builder request(String path, String token, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .setHeader("Accept-Language", "en");
    if (address != null) {
      builder.header("X-Forwarded-For", address);
    }
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.setHeader(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private Reply send(HttpRequest.Builder builder) throws Exception {
    HttpResponse<String> response =
        http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(
        response.statusCode(), response.body(), response.headers().firstValue("Retry-After"));
  }
}
