package io.kursfilm.web.identity;

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
 * A black-box client of the REST API that can pose as a given client address (X-Forwarded-For,
 * trusted in the test configuration) and send the elevation header.
 */
final class AddressedClient {

  record Reply(int status, String body, Optional<String> retryAfter) {
    JsonObject json() {
      return (JsonObject) parse();
    }

    JsonArray array() {
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

  /** A client whose logins come from {@code address}. */
  AddressedClient(URL base, String address) {
    this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
    this.address = address;
  }

  Reply get(String path, String token, String... headers) throws Exception {
    return send(request(path, token, headers).GET());
  }

  Reply post(String path, String token, JsonObject body, String... headers) throws Exception {
    return send(
        request(path, token, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  Reply put(String path, String token, JsonObject body) throws Exception {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  Reply tryLogin(String tenant, String email, String password) throws Exception {
    return post(
        "api/v1/sessions",
        null,
        Json.createObjectBuilder()
            .add("tenant", tenant)
            .add("email", email)
            .add("password", password)
            .build());
  }

  String login(String tenant, String email, String password) throws Exception {
    Reply reply = tryLogin(tenant, email, password);
    if (reply.status() != 201) {
      throw new AssertionError("login of " + email + " refused: " + reply);
    }
    return reply.json().getString("token");
  }

  private HttpRequest.Builder request(String path, String token, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("X-Forwarded-For", address);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
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
