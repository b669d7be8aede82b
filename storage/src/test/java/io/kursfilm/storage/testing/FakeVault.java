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
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for HashiCorp Vault's Transit engine with one derived key, for unit tests: it serves
 * {@code POST /v1/<mount>/encrypt/<key>} and {@code /decrypt/<key>} on 127.0.0.1 with real AES-GCM,
 * checks {@code X-Vault-Token}, and like a {@code derived=true} key derives the data key from the
 * request's {@code context}. Start per test, {@link #close} afterwards.
 */
public final class FakeVault implements AutoCloseable {

  private static final String PREFIX = "vault:v1:";

  private final HttpServer server;
  private final String mount;
  private final String keyName;
  private final String token;
  private final byte[] rootKey = new byte[32];
  private final SecureRandom random = new SecureRandom();

  public FakeVault(String mount, String keyName, String token) throws IOException {
    this.mount = mount;
    this.keyName = keyName;
    this.token = token;
    random.nextBytes(rootKey);
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

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!"POST".equals(exchange.getRequestMethod())) {
        reply(exchange, 405, error("method not allowed"));
      } else if (!token.equals(exchange.getRequestHeaders().getFirst("X-Vault-Token"))) {
        reply(exchange, 403, error("permission denied"));
      } else if (path.equals("/v1/" + mount + "/encrypt/" + keyName)) {
        answer(exchange, true);
      } else if (path.equals("/v1/" + mount + "/decrypt/" + keyName)) {
        answer(exchange, false);
      } else {
        reply(exchange, 404, error("no handler for route"));
      }
    }
  }

  /** Vault answers 400 to anything it cannot decrypt or parse. */
  private void answer(HttpExchange exchange, boolean encrypt) throws IOException {
    JsonObject response;
    try {
      JsonObject request = body(exchange);
      response = encrypt ? encrypt(request) : decrypt(request);
    } catch (GeneralSecurityException | RuntimeException e) {
      reply(exchange, 400, error("invalid request"));
      return;
    }
    reply(exchange, 200, response);
  }

  private JsonObject encrypt(JsonObject request) throws GeneralSecurityException {
    byte[] plaintext = Base64.getDecoder().decode(request.get("plaintext").getAsString());
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    Cipher gcm = cipher(Cipher.ENCRYPT_MODE, context(request), nonce);
    byte[] sealed = gcm.doFinal(plaintext);
    byte[] out = ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
    JsonObject data = new JsonObject();
    data.addProperty("ciphertext", PREFIX + Base64.getEncoder().encodeToString(out));
    return wrap(data);
  }

  private JsonObject decrypt(JsonObject request) throws GeneralSecurityException {
    String ciphertext = request.get("ciphertext").getAsString();
    if (!ciphertext.startsWith(PREFIX)) {
      throw new GeneralSecurityException("unknown version");
    }
    byte[] in = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
    byte[] nonce = Arrays.copyOf(in, 12);
    Cipher gcm = cipher(Cipher.DECRYPT_MODE, context(request), nonce);
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

  private Cipher cipher(int mode, byte[] context, byte[] nonce) throws GeneralSecurityException {
    Mac derive = Mac.getInstance("HmacSHA256");
    derive.init(new SecretKeySpec(rootKey, "HmacSHA256"));
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

  private static void reply(HttpExchange exchange, int status, JsonObject body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
