package io.kursfilm.web.api;

import io.kursfilm.identity.boundary.ElevationRefusedException;
import io.kursfilm.identity.boundary.InvalidLinkException;
import io.kursfilm.identity.boundary.PasswordPolicy;
import io.kursfilm.identity.boundary.WeakPasswordException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Errors of invitation and reset links, of the password policy, and what elevations must not do.
 * The policy's message is given in the caller's language (Accept-Language, German or English), like
 * the UI says it.
 */
public final class AccountErrorMappers {

  private AccountErrorMappers() {}

  @Provider
  public static class WeakPassword implements ExceptionMapper<WeakPasswordException> {
    @Context HttpHeaders headers;

    @Override
    public Response toResponse(WeakPasswordException e) {
      List<Locale> wanted = headers == null ? List.of() : headers.getAcceptableLanguages();
      Locale locale = wanted.isEmpty() ? Locale.ENGLISH : wanted.get(0);
      return ApiError.response(Status.BAD_REQUEST, "weak_password", message(e, locale));
    }
  }

  @Provider
  public static class InvalidLink implements ExceptionMapper<InvalidLinkException> {
    @Override
    public Response toResponse(InvalidLinkException e) {
      return ApiError.response(Status.BAD_REQUEST, "invalid_link", e.getMessage());
    }
  }

  @Provider
  public static class ElevationRefused implements ExceptionMapper<ElevationRefusedException> {
    @Override
    public Response toResponse(ElevationRefusedException e) {
      return ApiError.response(Status.FORBIDDEN, "elevation_forbidden", e.getMessage());
    }
  }

  /** The policy's refusal in {@code locale}, from the UI's resource bundle. */
  public static String message(WeakPasswordException e, Locale locale) {
    Locale l = "de".equals(locale.getLanguage()) ? Locale.GERMAN : Locale.ENGLISH;
    ResourceBundle bundle = ResourceBundle.getBundle("io.kursfilm.web.i18n.messages", l);
    return MessageFormat.format(
        bundle.getString("password." + e.reason().name()),
        PasswordPolicy.MIN_LENGTH,
        PasswordPolicy.MAX_LENGTH);
  }
}
