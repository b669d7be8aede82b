package io.kursfilm.identity.boundary;

/**
 * A password that {@link PasswordPolicy} refuses. Carries the reason so the web layer can say it in
 * the user's language; the English message is the fallback.
 */
public class WeakPasswordException extends IllegalArgumentException {

  /** Why the password was refused; names double as message keys ({@code password.TOO_SHORT}). */
  public enum Reason {
    TOO_SHORT,
    TOO_LONG,
    COMMON
  }

  private final Reason reason;

  public WeakPasswordException(Reason reason) {
    super(
        switch (reason) {
          case TOO_SHORT ->
              "The password must have at least " + PasswordPolicy.MIN_LENGTH + " characters.";
          case TOO_LONG ->
              "The password must have at most " + PasswordPolicy.MAX_LENGTH + " characters.";
          case COMMON -> "This password is too common and easy to guess; choose another one.";
        });
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
