package io.kursfilm.storage.keys.kms;

import com.google.crypto.tink.Aead;
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
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An {@link Aead} backed by one named key of HashiCorp Vault's Transit secrets engine: the key
 * never leaves Vault, we send plaintext over TLS and keep Vault's {@code vault:v1:...} ciphertext.
 * Thread-safe and cheap to share; one instance per configured key for the life of the application.
 *
 * <p>Associated data is sent as Vault's key-derivation {@code context}. Vault only binds the
 * context to the ciphertext when the Transit key was created with {@code derived=true}; on a
 * non-derived key the associated data would not be authenticated, so operators must create the key
 * as derived ({@code vault write transit/keys/kursfilm-master derived=true}). Empty associated data
 * is refused for the same reason.
 *
 * <p>Errors become {@link GeneralSecurityException}s that name the operation, the Vault address and
 * the HTTP status, never the token, the plaintext or Vault's response body.
 */
public final class VaultTransitAead implements Aead {

  /** Vault's Transit ciphertexts start with the key version: {@code vault:v<n>:}. */
  private static final Pattern VAULT_CIPHERTEXT = Pattern.compile("vault:v\\d+:[A-Za-z0-9+/=]+");

  private static final Pattern PATH_SEGMENTS =
      Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

  private final URI encryptUri;
  private final URI decryptUri;
  private final String token;
  private final Optional<String> namespace;
  private final HttpClient http;
  private final Duration timeout;
  private final String where;

  /**
   * @param vault the Vault address, e.g. {@code https://vault.internal:8200}; https uses the JDK
   *     trust store (add a private CA with {@code -Djavax.net.ssl.trustStore})
   * @param mount the path the Transit engine is mounted at, e.g. {@code transit}
   * @param keyName the Transit key's name
   * @param token a Vault token whose policy allows {@code update} on the encrypt and decrypt paths
   * @param namespace the Vault Enterprise namespace, if any
   * @param timeout bound for connecting and for each request
   */
  public VaultTransitAead(
      URI vault,
      String mount,
      String keyName,
      String token,
      Optional<String> namespace,
      Duration timeout) {
    this(
        vault,
        mount,
        keyName,
        token,
        namespace,
        HttpClient.newBuilder().connectTimeout(timeout).build(),
        timeout);
  }

  /** As above with a caller-supplied client, e.g. one with a custom {@code SSLContext}. */
  public VaultTransitAead(
      URI vault,
      String mount,
      String keyName,
      String token,
      Optional<String> namespace,
      HttpClient http,
      Duration timeout) {
    String scheme = Objects.requireNonNull(vault, "vault").getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException("Vault address must be an http(s) URL");
    }
    if (!PATH_SEGMENTS.matcher(mount).matches() || !PATH_SEGMENTS.matcher(keyName).matches()) {
      throw new IllegalArgumentException("malformed Vault Transit mount or key name");
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("Vault token missing");
    }
    String base = vault.toString().replaceAll("/+$", "");
    this.encryptUri = URI.create(base + "/v1/" + mount + "/encrypt/" + keyName);
    this.decryptUri = URI.create(base + "/v1/" + mount + "/decrypt/" + keyName);
    this.token = token;
    this.namespace = namespace;
    this.http = http;
    this.timeout = timeout;
    this.where =
        vault.getHost()
            + (vault.getPort() == -1 ? "" : ":" + vault.getPort())
            + " ("
            + mount
            + "/"
            + keyName
            + ")";
  }

  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
    JsonObject request = new JsonObject();
    request.addProperty("plaintext", Base64.getEncoder().encodeToString(plaintext));
    request.addProperty("context", context(associatedData));
    JsonObject data = call("encrypt", encryptUri, request);
    String ciphertext = field(data, "ciphertext", "encrypt");
    if (!VAULT_CIPHERTEXT.matcher(ciphertext).matches()) {
      throw new GeneralSecurityException("Vault Transit encrypt returned no Vault ciphertext");
    }
    return ciphertext.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
    String text = new String(ciphertext, StandardCharsets.US_ASCII);
    // Refuse garbage locally: it saves a round trip and keeps arbitrary bytes out of the request.
    if (!VAULT_CIPHERTEXT.matcher(text).matches()) {
      throw new GeneralSecurityException("not a Vault Transit ciphertext");
    }
    JsonObject request = new JsonObject();
    request.addProperty("ciphertext", text);
    request.addProperty("context", context(associatedData));
    JsonObject data = call("decrypt", decryptUri, request);
    try {
      return Base64.getDecoder().decode(field(data, "plaintext", "decrypt"));
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("Vault Transit decrypt returned malformed plaintext");
    }
  }

  private static String context(byte[] associatedData) throws GeneralSecurityException {
    if (associatedData == null || associatedData.length == 0) {
      throw new GeneralSecurityException("Vault Transit needs non-empty associated data");
    }
    return Base64.getEncoder().encodeToString(associatedData);
  }

  /** POSTs {@code body} and returns the response's {@code data} object, or fails clearly. */
  private JsonObject call(String operation, URI uri, JsonObject body)
      throws GeneralSecurityException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("X-Vault-Token", token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
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
      return data.getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new GeneralSecurityException("Vault Transit " + operation + " returned malformed JSON");
    }
  }

  private static String field(JsonObject data, String name, String operation)
      throws GeneralSecurityException {
    JsonElement value = data.get(name);
    if (value == null || !value.isJsonPrimitive()) {
      throw new GeneralSecurityException("Vault Transit " + operation + " returned no " + name);
    }
    return value.getAsString();
  }

  private static String hint(int status) {
    return switch (status) {
      case 400 -> " (bad request: wrong key, tampered ciphertext or context mismatch)";
      case 403 -> " (token rejected or its policy lacks the transit path)";
      case 404 -> " (no such mount or key)";
      case 503 -> " (Vault sealed or in standby)";
      default -> "";
    };
  }

  /** Names the key, never the token. */
  @Override
  public String toString() {
    return "VaultTransitAead[" + where + "]";
  }
}
