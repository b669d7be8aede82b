package io.kursfilm.web.security;

import java.net.URI;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The app's public address ({@code kursfilm.base-url}) and the absolute URLs of its pages. Every
 * redirect is built from it, never from the request's {@code Host} header, so a forged header
 * cannot send a browser to another site (the same rule as links in e-mails).
 */
public final class PublicAddress {

  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

  private final String base;

  /** {@code baseUrl} with or without trailing slash, e.g. {@code https://kurs.example/}. */
  public PublicAddress(String baseUrl) {
    String b = baseUrl.strip();
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
  }

  /** From configuration. */
  public static PublicAddress configured() {
    return new PublicAddress(
        ConfigProvider.getConfig().getValue("kursfilm.base-url", String.class));
  }

  /** The absolute URL of {@code page}, a path within the app starting with {@code /}. */
  public String of(String page) {
    return base + (page.startsWith("/") ? page : "/" + page);
  }

  /** Whether the public address is https (then browsers get HSTS and secure cookies). */
  public boolean isHttps() {
    return base.regionMatches(true, 0, "https:", 0, 6);
  }

  /**
   * The absolute form of a redirect {@code location} given by code in the app: absolute URLs stay
   * (they were chosen on purpose, e.g. the identity provider), a path below {@code contextPath} is
   * put below the public address, a relative one is resolved against {@code requestUri} first.
   */
  public String redirect(String location, String contextPath, String requestUri) {
    if (SCHEME.matcher(location).lookingAt() || location.startsWith("//")) {
      return location;
    }
    String path = location.startsWith("/") ? location : resolve(requestUri, location);
    if (!contextPath.isEmpty()
        && (path.equals(contextPath)
            || path.startsWith(contextPath + "/")
            || path.startsWith(contextPath + "?"))) {
      path = path.substring(contextPath.length());
    }
    return of(path.isEmpty() ? "/" : path);
  }

  private static String resolve(String requestUri, String relative) {
    try {
      return URI.create(requestUri).resolve(relative).toString();
    } catch (IllegalArgumentException unusual) {
      return requestUri.substring(0, requestUri.lastIndexOf('/') + 1) + relative;
    }
  }
}
