package io.kursfilm.video.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets of guest links: the link's token (256 random bits, URL-safe, handed out once) and the
 * SHA-256 under which it is kept and found. The token is random, so an unkeyed hash suffices, as
 * for account tokens.
 */
public final class GuestTokens {

  /** 32 bytes: 256 bits, twice the 128 the product demands. */
  static final int TOKEN_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private GuestTokens() {}

  public static String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A token as handed out: base64url of {@value #TOKEN_BYTES} bytes, nothing else. */
  public static boolean wellFormed(String token) {
    return token != null && token.matches("[A-Za-z0-9_-]{43}");
  }
}
