package io.kursfilm.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A UI session: the login form filled in and posted as a browser does, cookies kept. */
public final class FormLogin {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

  private FormLogin() {}

  /** A client holding the session cookie of a successful form login at {@code base}. */
  public static HttpClient login(URL base, String tenant, String email, String password)
      throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    URI login = URI.create(base + "login.xhtml");
    String page =
        browser.send(HttpRequest.newBuilder(login).build(), BodyHandlers.ofString()).body();
    Matcher state = VIEW_STATE.matcher(page);
    assertTrue(state.find(), "JSF view state on the login page");
    String form =
        Map.of(
                "login",
                "login",
                "login:tenant",
                tenant,
                "login:email",
                email,
                "login:password",
                password,
                "login:submit",
                "",
                "jakarta.faces.ViewState",
                state.group(1))
            .entrySet()
            .stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpResponse<String> posted =
        browser.send(
            HttpRequest.newBuilder(login)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            BodyHandlers.ofString());
    assertEquals(302, posted.statusCode(), "form login redirects to the start page");
    return browser;
  }

  /** The status of a GET of {@code path} below {@code base} with the client's session. */
  public static int status(HttpClient browser, URL base, String path) throws Exception {
    return browser
        .send(HttpRequest.newBuilder(URI.create(base + path)).build(), BodyHandlers.discarding())
        .statusCode();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
