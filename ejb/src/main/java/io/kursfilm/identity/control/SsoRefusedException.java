package io.kursfilm.identity.control;

/**
 * A sign-in through an identity provider was refused. The reason is a short code for the audit log
 * and the server log (never personal data, never a token); people only ever see one generic
 * failure.
 */
public class SsoRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String reason;

  public SsoRefusedException(String reason) {
    this(reason, null);
  }

  public SsoRefusedException(String reason, Throwable cause) {
    super("sso refused: " + reason, cause);
    this.reason = reason;
  }

  /** e.g. {@code state}, {@code id_token}, {@code token_endpoint}, {@code email_unverified}. */
  public String reason() {
    return reason;
  }
}
