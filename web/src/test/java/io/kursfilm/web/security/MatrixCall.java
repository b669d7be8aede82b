package io.kursfilm.web.security;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

/**
 * One request of AuthorisationMatrixIT, sent as given and answered without following redirects: a
 * page's refusal of an anonymous caller is the redirect to the login page itself.
 */
final class MatrixCall {

  /** The answer: status, where a redirect points (or null) and the start of the body. */
  record Answer(int status, String location, String body) {
    boolean redirectsToLogin() {
      return status / 100 == 3 && location != null && location.contains("/login.xhtml");
    }

    @Override
    public String toString() {
      String start = body.length() > 160 ? body.substring(0, 160) + "…" : body;
      return status + (location == null ? "" : " -> " + location) + " " + start.strip();
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private static final Random RANDOM = new Random();

  private final URI base;

  MatrixCall(URL base) {
    this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
  }

  /**
   * Sends {@code method} to {@code path} (below the app's root, without leading slash) with the
   * bearer {@code token} (null: anonymous), the operator's tenant header (null: none) and {@code
   * body} in the matrix's notation ({@code json:}, {@code csv:}, {@code vtt:}, {@code bytes:N}).
   */
  Answer send(String method, String path, String token, String tenantHeader, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept-Language", "en");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (tenantHeader != null) {
      request.header("X-Kursfilm-Tenant", tenantHeader);
    }
    request.method(method, publisher(request, body));
    HttpResponse<byte[]> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    byte[] bytes = response.body();
    String text = new String(bytes, 0, Math.min(bytes.length, 200_000), StandardCharsets.UTF_8);
    return new Answer(
        response.statusCode(), response.headers().firstValue("Location").orElse(null), text);
  }

  private static HttpRequest.BodyPublisher publisher(HttpRequest.Builder request, String body) {
    if (body == null || body.isEmpty()) {
      return HttpRequest.BodyPublishers.noBody();
    }
    int colon = body.indexOf(':');
    String kind = body.substring(0, colon);
    String content = body.substring(colon + 1).replace("\\n", "\n");
    switch (kind) {
      case "json" -> request.header("Content-Type", "application/json");
      case "csv" -> request.header("Content-Type", "text/csv");
      case "vtt" -> request.header("Content-Type", "text/vtt");
      case "bytes" -> {
        request.header("Content-Type", "application/octet-stream");
        byte[] random = new byte[Integer.parseInt(content)];
        RANDOM.nextBytes(random);
        return HttpRequest.BodyPublishers.ofByteArray(random);
      }
      default -> throw new IllegalArgumentException("unknown body " + body);
    }
    return HttpRequest.BodyPublishers.ofString(content);
  }
}
