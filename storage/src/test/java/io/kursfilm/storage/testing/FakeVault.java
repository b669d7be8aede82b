package io.kursfilm.storage.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for HashiCorp Vault's Transit engine on one mount, for unit tests: it serves {@code
 * POST /v1/<mount>/encrypt/<key>} and {@code /decrypt/<key>} on 127.0.0.1 with real AES-GCM, checks
 * {@code X-Vault-Token}, and like a {@code derived=true} key derives the data key from the
 * request's {@code context}. It starts with one key and models the key life cycle as Vault does:
 * {@code POST keys/<key>} creates a key (stricter than Vault, only {@code derived=true}), {@code
 * GET keys/<key>} reads it (404 when absent), {@code POST keys/<key>/config} sets {@code
 * deletion_allowed}, {@code DELETE keys/<key>} deletes it only when that is set, and a key that
 * does not exist encrypts and decrypts nothing (400). Start per test, {@link #close} afterwards.
 */
public final class FakeVault implements AutoCloseable {

  private static final String PREFIX = "vault:v1:";

  private final HttpServer server;
  private final String mount;
  private final String token;
  private final Map<String, Key> keys = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  /** A Transit key: its root key and whether its config allows deletion. */
  private static final class Key {
    final byte[] root = new byte[32];
    volatile boolean deletionAllowed;
  }

  public FakeVault(String mount, String keyName, String token) throws IOException {
    this.mount = mount;
    this.token = token;
    createKey(keyName);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/", this::handle);
    server.start();
  }

  /** The address to configure, e.g. {@code http://127.0.0.1:41234}. */
  public URI address() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Whether key {@code name} exists (was created and not deleted). */
  public boolean hasKey(String name) {
    return keys.containsKey(name);
  }

  private void createKey(String name) {
    Key key = new Key();
    random.nextBytes(key.root);
    keys.putIfAbsent(name, key);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      String base = "/v1/" + mount + "/";
      if (!token.equals(exchange.getRequestHeaders().getFirst("X-Vault-Token"))) {
        reply(exchange, 403, error("permission denied"));
      } else if (!path.startsWith(base)) {
        reply(exchange, 404, error("no handler for route"));
      } else {
        route(exchange, method, path.substring(base.length()).split("/"));
      }
    }
  }

  private void route(HttpExchange exchange, String method, String[] parts) throws IOException {
    String op = parts[0];
    String name = parts.length > 1 ? parts[1] : "";
    boolean config = parts.length == 3 && "config".equals(parts[2]);
    if (parts.length == 2
        && "POST".equals(method)
        && ("encrypt".equals(op) || "decrypt".equals(op))) {
      answer(exchange, name, "encrypt".equals(op));
    } else if ("keys".equals(op) && parts.length == 2 && "POST".equals(method)) {
      JsonElement derived = body(exchange).get("derived");
      if (derived == null || !derived.getAsBoolean()) {
        reply(exchange, 400, error("this fake only creates derived keys"));
        return;
      }
      createKey(name);
      reply(exchange, 204, null);
    } else if ("keys".equals(op) && parts.length == 2 && "GET".equals(method)) {
      Key key = keys.get(name);
      if (key == null) {
        reply(exchange, 404, null);
        return;
      }
      JsonObject data = new JsonObject();
      data.addProperty("name", name);
      data.addProperty("derived", true);
      data.addProperty("deletion_allowed", key.deletionAllowed);
      reply(exchange, 200, wrap(data));
    } else if ("keys".equals(op) && config && "POST".equals(method)) {
      Key key = keys.get(name);
      JsonElement allowed = body(exchange).get("deletion_allowed");
      if (key == null) {
        reply(exchange, 404, error("no such key"));
        return;
      }
      if (allowed != null) {
        key.deletionAllowed = allowed.getAsBoolean();
      }
      reply(exchange, 204, null);
    } else if ("keys".equals(op) && parts.length == 2 && "DELETE".equals(method)) {
      Key key = keys.get(name);
      if (key == null || !key.deletionAllowed) {
        reply(exchange, 400, error("could not delete key: not found or deletion not allowed"));
        return;
      }
      keys.remove(name);
      reply(exchange, 204, null);
    } else {
      reply(exchange, 404, error("no handler for route"));
    }
  }

  /** Vault answers 400 to anything it cannot decrypt or parse. */
  private void answer(HttpExchange exchange, String name, boolean encrypt) throws IOException {
    JsonObject response;
    try {
      JsonObject request = body(exchange);
      Key key = keys.get(name);
      if (key == null) {
        throw new GeneralSecurityException("encryption key not found");
      }
      response = encrypt ? encrypt(key, request) : decrypt(key, request);
    } catch (GeneralSecurityException | RuntimeException e) {
      reply(exchange, 400, error("invalid request"));
      return;
    }
    reply(exchange, 200, response);
  }

  private JsonObject encrypt(Key key, JsonObject request) throws GeneralSecurityException {
    byte[] plaintext = Base64.getDecoder().decode(request.get("plaintext").getAsString());
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    Cipher gcm = cipher(Cipher.ENCRYPT_MODE, key, context(request), nonce);
    byte[] sealed = gcm.doFinal(plaintext);
    byte[] out = ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
    JsonObject data = new JsonObject();
    data.addProperty("ciphertext", PREFIX + Base64.getEncoder().encodeToString(out));
    return wrap(data);
  }

  private JsonObject decrypt(Key key, JsonObject request) throws GeneralSecurityException {
    String ciphertext = request.get("ciphertext").getAsString();
    if (!ciphertext.startsWith(PREFIX)) {
      throw new GeneralSecurityException("unknown version");
    }
    byte[] in = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
    byte[] nonce = Arrays.copyOf(in, 12);
    Cipher gcm = cipher(Cipher.DECRYPT_MODE, key, context(request), nonce);
    byte[] plaintext = gcm.doFinal(in, 12, in.length - 12);
    JsonObject data = new JsonObject();
    data.addProperty("plaintext", Base64.getEncoder().encodeToString(plaintext));
    return wrap(data);
  }

  /** A derived key demands a context, as Vault does. */
  private static byte[] context(JsonObject request) throws GeneralSecurityException {
    JsonElement context = request.get("context");
    if (context == null || context.getAsString().isEmpty()) {
      throw new GeneralSecurityException("missing context for derived key");
    }
    return Base64.getDecoder().decode(context.getAsString());
  }

  private static Cipher cipher(int mode, Key key, byte[] context, byte[] nonce)
      throws GeneralSecurityException {
    Mac derive = Mac.getInstance("HmacSHA256");
    derive.init(new SecretKeySpec(key.root, "HmacSHA256"));
    byte[] derived = derive.doFinal(context);
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(mode, new SecretKeySpec(derived, "AES"), new GCMParameterSpec(128, nonce));
    return gcm;
  }

  private static JsonObject body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
  }

  private static JsonObject wrap(JsonObject data) {
    JsonObject response = new JsonObject();
    response.add("data", data);
    return response;
  }

  private static JsonObject error(String message) {
    JsonObject response = new JsonObject();
    JsonArray errors = new JsonArray();
    errors.add(message);
    response.add("errors", errors);
    return response;
  }

  /** Replies {@code body}, or nothing when it is {@code null} (204, a 404 read). */
  private static void reply(HttpExchange exchange, int status, JsonObject body) throws IOException {
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
