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

/** A small HTTP client for the black-box tests: JSON, CSV and plain GETs of pages. */
final class Http {

  record Reply(int status, String body) {
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

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  Http(URL base) {
    this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
  }

  Reply get(String path, String token) throws Exception {
    return send(request(path, token).GET());
  }

  Reply post(String path, String token, JsonObject body) throws Exception {
    return post(path, token, body, "en");
  }

  Reply post(String path, String token, JsonObject body, String language) throws Exception {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .header("Accept-Language", language)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  Reply postCsv(String path, String token, String csv) throws Exception {
    return send(
        request(path, token)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv)));
  }

  Reply delete(String path, String token) throws Exception {
    return send(request(path, token).DELETE());
  }

  String login(String tenant, String email, String password) throws Exception {
    Reply reply = post("api/v1/sessions", null, credentials(tenant, email, password));
    if (reply.status() != 201) {
      throw new AssertionError("login of " + email + " refused: " + reply);
    }
    return reply.json().getString("token");
  }

  static JsonObject credentials(String tenant, String email, String password) {
    return Json.createObjectBuilder()
        .add("tenant", tenant)
        .add("email", email)
        .add("password", password)
        .build();
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Reply send(HttpRequest.Builder builder) throws Exception {
    HttpResponse<String> response =
        client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body());
  }
}
