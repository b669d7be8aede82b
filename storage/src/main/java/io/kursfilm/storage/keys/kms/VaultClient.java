package io.kursfilm.storage.keys.kms;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HTTP calls of Vault's Transit engine that Kursfilm makes, on one mount: encrypt and decrypt
 * ({@link VaultTransitAead}) and creating, reading and deleting keys ({@link VaultTenantKeys}).
 * Thread-safe; the {@link HttpClient} is shared by every key of the mount.
 *
 * <p>Errors become {@link GeneralSecurityException}s that name the operation, the Vault address and
 * the HTTP status, never the token, a plaintext or Vault's response body.
 */
final class VaultClient {

  static final Pattern PATH_SEGMENTS = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

  private final URI vault;
  private final String mount;
  private final String token;
  private final Optional<String> namespace;
  private final HttpClient http;
  private final Duration timeout;

  VaultClient(
      URI vault,
      String mount,
      String token,
      Optional<String> namespace,
      HttpClient http,
      Duration timeout) {
    String scheme = Objects.requireNonNull(vault, "vault").getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException("Vault address must be an http(s) URL");
    }
    if (!PATH_SEGMENTS.matcher(mount).matches()) {
      throw new IllegalArgumentException("malformed Vault Transit mount or key name");
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("Vault token missing");
    }
    this.vault = URI.create(vault.toString().replaceAll("/+$", ""));
    this.mount = mount;
    this.token = token;
    this.namespace = namespace;
    this.http = http;
    this.timeout = timeout;
  }

  URI address() {
    return vault;
  }

  String mount() {
    return mount;
  }

  /** A client for the same Vault and token on another key of this mount; shares the HTTP client. */
  VaultTransitAead aead(String keyName) {
    return new VaultTransitAead(this, keyName);
  }

  /**
   * Calls {@code <mount>/<path>} about key {@code keyName} and returns the response's {@code data}
   * object; empty when Vault answers 204 (key creation, configuration and deletion do) or 404 to a
   * GET (the key does not exist).
   *
   * @param body the JSON body, {@code null} for none
   */
  Optional<JsonObject> call(
      String operation, String keyName, String method, String path, JsonObject body)
      throws GeneralSecurityException {
    String where = where(keyName);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(vault + "/v1/" + mount + "/" + path))
            .timeout(timeout)
            .header("X-Vault-Token", token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    namespace.ifPresent(ns -> request.header("X-Vault-Namespace", ns));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new GeneralSecurityException(
          "Vault Transit " + operation + " timed out at " + where, e);
    } catch (IOException e) {
      throw new GeneralSecurityException(
          "Vault Transit " + operation + " failed: cannot reach Vault at " + where, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GeneralSecurityException("Vault Transit " + operation + " interrupted");
    }
    int status = response.statusCode();
    if (status == 204 || (status == 404 && "GET".equals(method))) {
      return Optional.empty();
    }
    if (status != 200) {
      // The body is not quoted: it is Vault's to word, and we promise never to log payloads.
      throw new GeneralSecurityException(
          "Vault Transit "
              + operation
              + " refused at "
              + where
              + ": HTTP "
              + status
              + hint(status));
    }
    try {
      JsonElement data = JsonParser.parseString(response.body()).getAsJsonObject().get("data");
      if (data == null || !data.isJsonObject()) {
        throw new GeneralSecurityException("Vault Transit " + operation + " returned no data");
      }
      return Optional.of(data.getAsJsonObject());
    } catch (JsonParseException | IllegalStateException e) {
      throw new GeneralSecurityException("Vault Transit " + operation + " returned malformed JSON");
    }
  }

  /** Names the Vault and the key, never the token. */
  String where(String keyName) {
    return vault.getHost()
        + (vault.getPort() == -1 ? "" : ":" + vault.getPort())
        + " ("
        + mount
        + "/"
        + keyName
        + ")";
  }

  private static String hint(int status) {
    return switch (status) {
      case 400 -> " (bad request: wrong or deleted key, tampered ciphertext or context mismatch)";
      case 403 -> " (token rejected or its policy lacks the transit path)";
      case 404 -> " (no such mount or key)";
      case 503 -> " (Vault sealed or in standby)";
      default -> "";
    };
  }
}
