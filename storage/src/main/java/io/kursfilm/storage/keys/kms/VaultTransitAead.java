package io.kursfilm.storage.keys.kms;

import com.google.crypto.tink.Aead;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
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
 * the HTTP status, never the token, the plaintext or Vault's response body ({@link VaultClient}).
 */
public final class VaultTransitAead implements Aead {

  /** Vault's Transit ciphertexts start with the key version: {@code vault:v<n>:}. */
  private static final Pattern VAULT_CIPHERTEXT = Pattern.compile("vault:v\\d+:[A-Za-z0-9+/=]+");

  private final VaultClient vault;
  private final String keyName;

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
    this(new VaultClient(vault, mount, token, namespace, http, timeout), keyName);
  }

  VaultTransitAead(VaultClient vault, String keyName) {
    if (!VaultClient.PATH_SEGMENTS.matcher(keyName).matches()) {
      throw new IllegalArgumentException("malformed Vault Transit mount or key name");
    }
    this.vault = vault;
    this.keyName = keyName;
  }

  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
    JsonObject request = new JsonObject();
    request.addProperty("plaintext", Base64.getEncoder().encodeToString(plaintext));
    request.addProperty("context", context(associatedData));
    JsonObject data = call("encrypt", request);
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
    JsonObject data = call("decrypt", request);
    try {
      return Base64.getDecoder().decode(field(data, "plaintext", "decrypt"));
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("Vault Transit decrypt returned malformed plaintext");
    }
  }

  private JsonObject call(String operation, JsonObject request) throws GeneralSecurityException {
    return vault
        .call(operation, keyName, "POST", operation + "/" + keyName, request)
        .orElseThrow(
            () -> new GeneralSecurityException("Vault Transit " + operation + " returned no data"));
  }

  private static String context(byte[] associatedData) throws GeneralSecurityException {
    if (associatedData == null || associatedData.length == 0) {
      throw new GeneralSecurityException("Vault Transit needs non-empty associated data");
    }
    return Base64.getEncoder().encodeToString(associatedData);
  }

  private static String field(JsonObject data, String name, String operation)
      throws GeneralSecurityException {
    JsonElement value = data.get(name);
    if (value == null || !value.isJsonPrimitive()) {
      throw new GeneralSecurityException("Vault Transit " + operation + " returned no " + name);
    }
    return value.getAsString();
  }

  /** Names the key, never the token. */
  @Override
  public String toString() {
    return "VaultTransitAead[" + vault.where(keyName) + "]";
  }
}
