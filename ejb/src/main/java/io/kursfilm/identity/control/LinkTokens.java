package io.kursfilm.identity.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret part of e-mailed links: 256 random bits from {@link SecureRandom}, base64url without
 * padding (43 characters). Only {@link #hash} of it is ever stored, so a database dump yields no
 * usable link.
 */
public final class LinkTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private LinkTokens() {}

  public static String newToken() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /**
   * Whether {@code token} could have come from {@link #newToken}; cheap pre-check before a look-up.
   */
  public static boolean looksValid(String token) {
    return token != null && SHAPE.matcher(token).matches();
  }

  /** Hex SHA-256 of the token: what the database holds. */
  public static String hash(String token) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
