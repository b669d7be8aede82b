package io.kursfilm.identity.control;

import io.kursfilm.platform.boundary.Mailer;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes and sends the invitation and reset mails (English and German in one text, since the
 * recipient's language is not known yet). Links are built from {@code kursfilm.base-url}, never
 * from the request's Host header, so a forged header cannot redirect a link to another site.
 */
@Dependent
public class AccountMails {

  @Inject Mailer mailer;

  @Inject
  @ConfigProperty(name = "kursfilm.base-url")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "kursfilm.mail.show-links")
  boolean showLinks;

  /** Sends the invitation; returns the link only when {@code kursfilm.mail.show-links} is on. */
  public Optional<String> invitation(String to, String tenantName, String token) {
    String link = link("invite.xhtml", token);
    mailer.send(
        new Mailer.Mail(
            "invitation",
            to,
            "Invitation to Kursfilm (" + tenantName + ") / Einladung zu Kursfilm",
            "You have been invited to "
                + tenantName
                + " on Kursfilm. Open this link to set your password:\n\n"
                + link
                + "\n\nThe link works once and expires. If you did not expect this mail,"
                + " ignore it.\n\n---\n\nSie wurden zu "
                + tenantName
                + " auf Kursfilm eingeladen. Öffnen Sie diesen Link, um Ihr Passwort zu"
                + " setzen:\n\n"
                + link
                + "\n\nDer Link gilt einmal und läuft ab. Wenn Sie diese Mail nicht erwartet"
                + " haben, ignorieren Sie sie.\n"));
    return shown(link);
  }

  /** Sends the reset link; returns it only when {@code kursfilm.mail.show-links} is on. */
  public Optional<String> passwordReset(String to, String tenantName, String token) {
    String link = link("reset.xhtml", token);
    mailer.send(
        new Mailer.Mail(
            "password-reset",
            to,
            "Reset your Kursfilm password / Kursfilm-Passwort zurücksetzen",
            "Somebody asked to reset your password for "
                + tenantName
                + " on Kursfilm. Open this link to choose a new one:\n\n"
                + link
                + "\n\nIf it was not you, ignore this mail: your password stays as it is."
                + "\n\n---\n\nJemand hat verlangt, Ihr Passwort für "
                + tenantName
                + " auf Kursfilm zurückzusetzen. Öffnen Sie diesen Link, um ein neues zu"
                + " wählen:\n\n"
                + link
                + "\n\nWaren Sie es nicht, ignorieren Sie diese Mail: Ihr Passwort bleibt.\n"));
    return shown(link);
  }

  String link(String page, String token) {
    String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    return base + page + "?token=" + URLEncoder.encode(token, StandardCharsets.US_ASCII);
  }

  private Optional<String> shown(String link) {
    return showLinks ? Optional.of(link) : Optional.empty();
  }
}
