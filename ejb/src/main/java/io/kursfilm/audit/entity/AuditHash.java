package io.kursfilm.audit.entity;

import io.kursfilm.audit.boundary.AuditEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canonical encoding of an audit entry and its SHA-256. Every field is written as a netstring
 * ({@code <length>:<bytes>,}), null as {@code -,}, in a fixed order and behind a version tag, so
 * two different entries can never encode to the same bytes (no ambiguity from separators or empty
 * values). Changing this breaks every stored hash: add a new version tag instead.
 */
public final class AuditHash {

  /** The previous hash of the first entry of every chain. */
  public static final String GENESIS = "0".repeat(64);

  private static final String VERSION = "kursfilm-audit-v1";
  private static final Pattern DETAIL = Pattern.compile("\"([^\"]*)\":\"([^\"]*)\"");

  private AuditHash() {}

  /** Fields in hash order; the last one is the previous entry's hash. */
  public static String of(
      String chainId,
      long sequence,
      String tenantId,
      long epochMicros,
      String actorId,
      String action,
      String subjectType,
      String subjectId,
      String details,
      String previousHash) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    for (String field :
        new String[] {
          VERSION,
          chainId,
          Long.toString(sequence),
          tenantId,
          Long.toString(epochMicros),
          actorId,
          action,
          subjectType,
          subjectId,
          details,
          previousHash
        }) {
      netstring(out, field);
    }
    return HexFormat.of().formatHex(sha256(out.toByteArray()));
  }

  private static void netstring(ByteArrayOutputStream out, String field) {
    if (field == null) {
      out.writeBytes("-,".getBytes(StandardCharsets.US_ASCII));
      return;
    }
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(bytes);
    out.write(',');
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /**
   * Details as canonical JSON: keys sorted, all values strings. {@link AuditEvent} admits only
   * characters that need no escaping, so this is plain JSON without an escaping step.
   */
  public static String details(Map<String, String> details) {
    StringBuilder json = new StringBuilder("{");
    new TreeMap<>(details)
        .forEach(
            (k, v) -> {
              if (json.length() > 1) {
                json.append(',');
              }
              json.append('"').append(k).append("\":\"").append(v).append('"');
            });
    return json.append('}').toString();
  }

  /** Reads {@link #details} back. */
  public static Map<String, String> parseDetails(String json) {
    Map<String, String> map = new LinkedHashMap<>();
    Matcher m = DETAIL.matcher(json == null ? "" : json);
    while (m.find()) {
      map.put(m.group(1), m.group(2));
    }
    return map;
  }
}
