package io.kursfilm.web.testing;

import com.nimbusds.oauth2.sdk.TokenRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/**
 * A real OpenID Connect provider for the tests (mock-oauth2-server: discovery, JWKS, code flow with
 * PKCE), on 127.0.0.1 at a free port, serving any number of issuers by path. It signs people in
 * without a form and puts into the next ID token whatever claims a test asks for, on top of its own
 * ({@code iss}, {@code aud}, {@code nonce} included, so a test can forge those too).
 */
public final class IdentityProvider {

  private final MockOAuth2Server server = new MockOAuth2Server();

  public IdentityProvider start() throws Exception {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    // The first answer of a cold provider on a busy machine can take seconds: warm it up here,
    // not inside the app's first discovery call.
    HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(issuer("warm-up") + "/.well-known/openid-configuration"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    return this;
  }

  public void stop() {
    server.shutdown();
  }

  /** The issuer URL of {@code issuerId}, as a tenant admin would enter it. */
  public String issuer(String issuerId) {
    return "http://127.0.0.1:" + server.issuerUrl(issuerId).port() + "/" + issuerId;
  }

  /**
   * The next ID token {@code issuerId} issues carries these claims. Its subject is {@code
   * claims.sub} if given, else one per e-mail address (a real provider's one person, one subject).
   */
  public void nextIdToken(String issuerId, Map<String, Object> claims) {
    Map<String, Object> rest = new HashMap<>(claims);
    Object sub = rest.remove("sub");
    Object email = claims.get("email");
    String subject =
        sub != null
            ? sub.toString()
            : email != null
                ? "sub-" + email.toString().toLowerCase(Locale.ROOT)
                : "sub-" + UUID.randomUUID();
    server.enqueueCallback(new Claims(issuerId, subject, Map.copyOf(rest)));
  }

  private record Claims(String issuer, String subject, Map<String, Object> claims)
      implements OAuth2TokenCallback {
    @Override
    public String issuerId() {
      return issuer;
    }

    @Override
    public String subject(TokenRequest request) {
      return subject;
    }

    @Override
    public String typeHeader(TokenRequest request) {
      return "JWT";
    }

    @Override
    public List<String> audience(TokenRequest request) {
      return List.of("kursfilm");
    }

    @Override
    public Map<String, Object> addClaims(TokenRequest request) {
      return claims;
    }

    @Override
    public long tokenExpiry() {
      return 300;
    }
  }
}
