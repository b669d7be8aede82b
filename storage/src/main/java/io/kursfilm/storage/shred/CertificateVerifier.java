package io.kursfilm.storage.shred;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a signed shred certificate, for the customer and for auditors, with nothing but a JDK 17:
 * {@code infra/verify-certificate} runs this one source file ({@code java CertificateVerifier.java
 * FILE [PUBLIC-KEYSET]}), so it needs no build and no library, and the application signs through
 * the same {@link #canonical} and {@link #signedBytes}, so both sides agree on the bytes by
 * construction.
 *
 * <p>A certificate document is {@code {"certificate":{...},"signature":{"algorithm":"Ed25519",
 * "publicKey":<Base64 X.509 SubjectPublicKeyInfo>,"keyFingerprint":...,"value":<Base64>}}}; the
 * signature covers {@link #DOMAIN}, a newline and the canonical JSON of {@code certificate} (object
 * keys sorted, no white space, integers only). The domain line keeps a certificate signature from
 * ever passing for an audit checkpoint's, which the same key signs. Given the platform's public
 * keyset (Tink JSON, {@code audit-signing-public.json}), the embedded key must also be that one;
 * without it the check proves integrity under the key the certificate names.
 *
 * <p>Exit codes of {@link #main}: 0 valid, 1 invalid or tampered, 2 unreadable or wrong usage.
 */
public final class CertificateVerifier {

  /** The first line of the signed bytes. */
  public static final String DOMAIN = "kursfilm-shred-certificate-v1";

  /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 key bytes follow. */
  private static final byte[] ED25519_SPKI_PREFIX =
      HexFormat.of().parseHex("302a300506032b6570032100");

  private CertificateVerifier() {}

  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: CertificateVerifier CERTIFICATE.json [PUBLIC-KEYSET.json]");
      System.exit(2);
    }
    try {
      String document = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
      String pinned =
          args.length == 2 ? Files.readString(Path.of(args[1]), StandardCharsets.UTF_8) : null;
      String verdict = verify(document, pinned);
      System.out.println(verdict);
      System.exit(verdict.startsWith("VALID") ? 0 : 1);
    } catch (IOException | RuntimeException e) {
      System.err.println("cannot check the certificate: " + e.getMessage());
      System.exit(2);
    }
  }

  /**
   * Checks {@code document}; returns a one-line verdict starting with {@code VALID} or {@code
   * INVALID}.
   *
   * @param pinnedKeyset the platform's public keyset (Tink JSON), or null to accept the embedded
   *     key
   * @throws IllegalArgumentException when {@code document} is no JSON at all
   */
  public static String verify(String document, String pinnedKeyset) {
    Object parsed = Json.parse(document);
    if (!(parsed instanceof Map<?, ?> doc)
        || !(doc.get("certificate") instanceof Map<?, ?> certificate)
        || !(doc.get("signature") instanceof Map<?, ?> signature)) {
      return "INVALID: not a certificate document";
    }
    if (!"Ed25519".equals(signature.get("algorithm"))
        || !(signature.get("publicKey") instanceof String publicKey)
        || !(signature.get("value") instanceof String value)) {
      return "INVALID: signature block incomplete";
    }
    try {
      byte[] spki = Base64.getDecoder().decode(publicKey);
      if (pinnedKeyset != null && !Arrays.equals(spki, spkiOf(pinnedKeyset))) {
        return "INVALID: signed with another key than the platform's";
      }
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(publicKey(spki));
      verifier.update(signedBytes(certificate));
      if (!verifier.verify(Base64.getDecoder().decode(value))) {
        return "INVALID: signature does not match the certificate";
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return "INVALID: " + e.getMessage();
    }
    return "VALID: certificate "
        + certificate.get("certificateId")
        + " of tenant "
        + certificate.get("tenantId")
        + ", signed by key "
        + signature.get("keyFingerprint")
        + (pinnedKeyset == null ? " (not compared with a pinned platform key)" : "");
  }

  /** The bytes a certificate's signature covers: {@link #DOMAIN}, newline, canonical JSON. */
  public static byte[] signedBytes(Map<?, ?> certificate) {
    return (DOMAIN + "\n" + canonical(certificate)).getBytes(StandardCharsets.UTF_8);
  }

  /** The X.509 SubjectPublicKeyInfo of a raw 32-byte Ed25519 public key. */
  public static byte[] spki(byte[] rawPublicKey) {
    if (rawPublicKey.length != 32) {
      throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
    }
    byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
    System.arraycopy(rawPublicKey, 0, spki, ED25519_SPKI_PREFIX.length, 32);
    return spki;
  }

  private static PublicKey publicKey(byte[] spki) throws GeneralSecurityException {
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
  }

  /**
   * The primary key of a Tink public keyset (JSON) as SubjectPublicKeyInfo. Its {@code
   * keyData.value} is an Ed25519PublicKey protocol buffer: an optional version (field 1) and the
   * key (field 2, 32 bytes).
   */
  public static byte[] spkiOf(String tinkPublicKeyset) {
    if (!(Json.parse(tinkPublicKeyset) instanceof Map<?, ?> keyset)
        || !(keyset.get("key") instanceof List<?> keys)) {
      throw new IllegalArgumentException("not a Tink public keyset");
    }
    for (Object entry : keys) {
      if (entry instanceof Map<?, ?> key
          && java.util.Objects.equals(key.get("keyId"), keyset.get("primaryKeyId"))
          && key.get("keyData") instanceof Map<?, ?> data
          && data.get("value") instanceof String value) {
        byte[] proto = Base64.getDecoder().decode(value);
        int at = proto.length >= 2 && proto[0] == 0x08 ? 2 : 0;
        if (proto.length != at + 34 || proto[at] != 0x12 || proto[at + 1] != 0x20) {
          throw new IllegalArgumentException("primary key is no Ed25519 public key");
        }
        return spki(Arrays.copyOfRange(proto, at + 2, at + 34));
      }
    }
    throw new IllegalArgumentException("public keyset has no primary key");
  }

  /**
   * The canonical JSON of a tree of maps, lists, strings, integers, booleans and nulls: object keys
   * in sorted order, no white space, strings escaping only {@code "}, {@code \} and control
   * characters.
   */
  public static String canonical(Object value) {
    StringBuilder out = new StringBuilder();
    Json.write(value, out);
    return out.toString();
  }

  /** Parses JSON into maps, lists, strings, longs, booleans and nulls; fractions are refused. */
  public static Object parse(String json) {
    return Json.parse(json);
  }

  /** A small JSON reader and canonical writer; certificates hold no fractions or exponents. */
  private static final class Json {
    private final String s;
    private int at;

    private Json(String s) {
      this.s = s;
    }

    static Object parse(String text) {
      Json json = new Json(text);
      Object value = json.value();
      json.space();
      if (json.at != text.length()) {
        throw json.error("trailing characters");
      }
      return value;
    }

    static void write(Object value, StringBuilder out) {
      if (value == null) {
        out.append("null");
      } else if (value instanceof String text) {
        string(text, out);
      } else if (value instanceof Long
          || value instanceof Integer
          || value instanceof Short
          || value instanceof Boolean) {
        out.append(value);
      } else if (value instanceof Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
          out.append(first ? "" : ",");
          first = false;
          string((String) e.getKey(), out);
          out.append(':');
          write(e.getValue(), out);
        }
        out.append('}');
      } else if (value instanceof List<?> list) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          out.append(i == 0 ? "" : ",");
          write(list.get(i), out);
        }
        out.append(']');
      } else {
        throw new IllegalArgumentException("not canonical JSON: " + value.getClass());
      }
    }

    private static void string(String text, StringBuilder out) {
      out.append('"');
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      out.append('"');
    }

    private Object value() {
      space();
      if (at >= s.length()) {
        throw error("unexpected end");
      }
      char c = s.charAt(at);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        case 't':
          return literal("true", Boolean.TRUE);
        case 'f':
          return literal("false", Boolean.FALSE);
        case 'n':
          return literal("null", null);
        default:
          return number();
      }
    }

    private Map<String, Object> object() {
      Map<String, Object> map = new LinkedHashMap<>();
      at++;
      space();
      if (peek('}')) {
        at++;
        return map;
      }
      while (true) {
        space();
        String key = string();
        space();
        expect(':');
        if (map.containsKey(key)) {
          throw error("duplicate key " + key);
        }
        map.put(key, value());
        space();
        if (peek(',')) {
          at++;
        } else {
          expect('}');
          return map;
        }
      }
    }

    private List<Object> array() {
      List<Object> list = new ArrayList<>();
      at++;
      space();
      if (peek(']')) {
        at++;
        return list;
      }
      while (true) {
        list.add(value());
        space();
        if (peek(',')) {
          at++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        if (at >= s.length()) {
          throw error("unterminated string");
        }
        char c = s.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = s.charAt(at++);
        switch (e) {
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
            at += 4;
          }
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case '"', '\\', '/' -> out.append(e);
          default -> throw error("bad escape");
        }
      }
    }

    private Long number() {
      int start = at;
      if (peek('-')) {
        at++;
      }
      while (at < s.length() && Character.isDigit(s.charAt(at))) {
        at++;
      }
      if (at == start || at < s.length() && ".eE".indexOf(s.charAt(at)) >= 0) {
        throw error("only integers are allowed");
      }
      return Long.parseLong(s.substring(start, at));
    }

    private Object literal(String word, Object value) {
      if (!s.startsWith(word, at)) {
        throw error("unexpected character");
      }
      at += word.length();
      return value;
    }

    private void space() {
      while (at < s.length() && " \t\r\n".indexOf(s.charAt(at)) >= 0) {
        at++;
      }
    }

    private boolean peek(char c) {
      return at < s.length() && s.charAt(at) == c;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw error("expected " + c);
      }
      at++;
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException("JSON: " + what + " at " + at);
    }
  }
}
