package io.kursfilm.identity.boundary;

/**
 * An invitation or reset link that cannot be used: unknown, tampered, used, expired, or opened for
 * another tenant. One message for every cause, so the answer reveals nothing about which it was.
 */
public class InvalidLinkException extends IllegalArgumentException {

  public InvalidLinkException() {
    super("This link is invalid, has expired or was already used.");
  }
}
