package io.kursfilm.identity.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.kursfilm.identity.boundary.SsoPending;
import io.kursfilm.identity.entity.TenantSso;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The relying-party side of OpenID Connect for any tenant's provider, through the Nimbus OAuth 2.0
 * / OpenID Connect SDK: discovery, the authorization request (code flow with PKCE S256, state and
 * nonce), the code exchange and the ID token's validation (signature against the provider's JWKS,
 * {@code iss}, {@code aud}, {@code exp}, {@code nonce}). Discovery results and the JWKS are cached
 * per tenant and settings version (a Caffeine cache, at most {@link #PROVIDERS} tenants, each for
 * {@code kursfilm.sso.metadata-ttl}); knows nothing about users or sessions.
 */
@ApplicationScoped
public class OidcClient {

  private static final Logger LOG = Logger.getLogger(OidcClient.class.getName());
  private static final Scope SCOPE = new Scope("openid", "email", "profile");
  private static final int MAX_DOCUMENT_BYTES = 256 * 1024;

  /** Tenants whose discovered provider is kept at once. */
  static final int PROVIDERS = 10_000;

  /** One tenant's provider as discovered, with the validator that holds its cached JWKS. */
  record Provider(String key, OIDCProviderMetadata metadata, IDTokenValidator validator) {}

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "kursfilm.sso.http-timeout")
  Duration timeout;

  @Inject
  @ConfigProperty(name = "kursfilm.sso.metadata-ttl")
  Duration metadataTtl;

  @Inject
  @ConfigProperty(name = "kursfilm.sso.allow-http-issuers")
  boolean allowHttp;

  private Cache<String, Provider> providers;

  /** The ticker reads the injected clock, so tests move time by hand instead of sleeping. */
  @PostConstruct
  void create() {
    providers =
        Caffeine.newBuilder()
            .maximumSize(PROVIDERS)
            .expireAfterWrite(metadataTtl)
            .ticker(
                () -> {
                  Instant now = clock.instant();
                  return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
            .build();
  }

  /**
   * Fetches the discovery document of {@code issuer} and checks it is usable; for saving settings,
   * so that a typo does not lock a tenant out. Throws {@link IllegalArgumentException} with a
   * message for the admin.
   */
  public void verifyIssuer(String issuer) {
    try {
      discover(issuer);
    } catch (SsoRefusedException e) {
      LOG.info(() -> "SSO issuer refused: " + e.reason() + " " + causeOf(e));
      throw new IllegalArgumentException(
          "issuer: no usable OpenID Connect discovery document at this address ("
              + e.reason()
              + ")");
    }
  }

  /** Where to send the browser to sign in at the tenant's provider. */
  public URI authorizationUri(TenantSso sso, SsoPending pending, URI redirect)
      throws SsoRefusedException {
    OIDCProviderMetadata metadata = provider(sso).metadata();
    return new AuthenticationRequest.Builder(
            ResponseType.CODE, SCOPE, new ClientID(sso.clientId()), redirect)
        .endpointURI(metadata.getAuthorizationEndpointURI())
        .state(new State(pending.state()))
        .nonce(new Nonce(pending.nonce()))
        .codeChallenge(new CodeVerifier(pending.codeVerifier()), CodeChallengeMethod.S256)
        .build()
        .toURI();
  }

  /**
   * Checks the provider's answer against the pending sign-in, exchanges the code and validates the
   * ID token. {@code callback} is the redirect URI with the query the provider sent.
   */
  public ProviderIdentity redeem(
      TenantSso sso, String clientSecret, SsoPending pending, URI callback, URI redirect)
      throws SsoRefusedException {
    Provider provider = provider(sso);
    AuthorizationCode code = code(provider, pending, callback);
    ClientID client = new ClientID(sso.clientId());
    TokenRequest request =
        new TokenRequest(
            provider.metadata().getTokenEndpointURI(),
            clientAuthentication(provider.metadata(), client, new Secret(clientSecret)),
            new AuthorizationCodeGrant(code, redirect, new CodeVerifier(pending.codeVerifier())));
    JWT idToken = idToken(request);
    try {
      IDTokenClaimsSet claims = provider.validator().validate(idToken, new Nonce(pending.nonce()));
      Object verified = claims.getClaim("email_verified");
      return new ProviderIdentity(
          claims.getIssuer().getValue(),
          claims.getSubject() == null ? null : claims.getSubject().getValue(),
          claims.getStringClaim("email"),
          Boolean.TRUE.equals(verified) || "true".equals(verified));
    } catch (BadJOSEException | JOSEException e) {
      throw new SsoRefusedException("id_token", e);
    }
  }

  private static AuthorizationCode code(Provider provider, SsoPending pending, URI callback)
      throws SsoRefusedException {
    AuthorizationResponse response;
    try {
      response = AuthorizationResponse.parse(callback);
    } catch (com.nimbusds.oauth2.sdk.ParseException e) {
      throw new SsoRefusedException("callback", e);
    }
    State state = response.getState();
    if (!pending.answers(state == null ? null : state.getValue())) {
      throw new SsoRefusedException("state");
    }
    if (!response.indicatesSuccess()) {
      throw new SsoRefusedException("provider_error");
    }
    AuthorizationSuccessResponse success = response.toSuccessResponse();
    // RFC 9207: a provider that names itself in the answer must be the one we asked.
    Issuer issuer = success.getIssuer();
    if (issuer != null && !issuer.equals(provider.metadata().getIssuer())) {
      throw new SsoRefusedException("issuer");
    }
    if (success.getAuthorizationCode() == null) {
      throw new SsoRefusedException("callback");
    }
    return success.getAuthorizationCode();
  }

  private JWT idToken(TokenRequest request) throws SsoRefusedException {
    HTTPRequest http = request.toHTTPRequest();
    http.setConnectTimeout((int) timeout.toMillis());
    http.setReadTimeout((int) timeout.toMillis());
    try {
      TokenResponse response = OIDCTokenResponseParser.parse(http.send());
      if (!response.indicatesSuccess()) {
        throw new SsoRefusedException("token_endpoint");
      }
      JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
      if (idToken == null) {
        throw new SsoRefusedException("id_token");
      }
      return idToken;
    } catch (IOException | com.nimbusds.oauth2.sdk.ParseException | ClassCastException e) {
      throw new SsoRefusedException("token_endpoint", e);
    }
  }

  /** Basic unless the provider says it only takes the secret in the form (client_secret_post). */
  private static ClientAuthentication clientAuthentication(
      OIDCProviderMetadata metadata, ClientID client, Secret secret) {
    List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
    if (methods != null
        && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
      return new ClientSecretPost(client, secret);
    }
    return new ClientSecretBasic(client, secret);
  }

  private Provider provider(TenantSso sso) throws SsoRefusedException {
    String key = sso.issuer() + "|" + sso.clientId() + "|" + sso.version();
    Provider cached = providers.getIfPresent(sso.tenantId());
    if (cached != null && cached.key().equals(key)) {
      return cached;
    }
    OIDCProviderMetadata metadata = discover(sso.issuer());
    int millis = (int) timeout.toMillis();
    IDTokenValidator validator =
        new IDTokenValidator(
            metadata.getIssuer(),
            new ClientID(sso.clientId()),
            signatureAlgorithm(metadata),
            toUrl(metadata.getJWKSetURI()),
            new DefaultResourceRetriever(millis, millis, MAX_DOCUMENT_BYTES));
    Provider fresh = new Provider(key, metadata, validator);
    providers.put(sso.tenantId(), fresh);
    return fresh;
  }

  private OIDCProviderMetadata discover(String issuer) throws SsoRefusedException {
    requireAllowedScheme(URI.create(issuer));
    int millis = (int) timeout.toMillis();
    OIDCProviderMetadata metadata;
    try {
      // Also checks that the document names exactly this issuer.
      metadata = OIDCProviderMetadata.resolve(new Issuer(issuer), millis, millis);
    } catch (GeneralException | IOException | RuntimeException e) {
      throw new SsoRefusedException("discovery", e);
    }
    if (metadata.getAuthorizationEndpointURI() == null
        || metadata.getTokenEndpointURI() == null
        || metadata.getJWKSetURI() == null) {
      throw new SsoRefusedException("discovery");
    }
    requireAllowedScheme(metadata.getAuthorizationEndpointURI());
    requireAllowedScheme(metadata.getTokenEndpointURI());
    requireAllowedScheme(metadata.getJWKSetURI());
    return metadata;
  }

  /** Plain http only where configured (local tests); secrets and tokens travel over TLS. */
  private void requireAllowedScheme(URI uri) throws SsoRefusedException {
    if (!"https".equals(uri.getScheme()) && !(allowHttp && "http".equals(uri.getScheme()))) {
      throw new SsoRefusedException("https_required");
    }
  }

  /** RS256 unless the provider signs ID tokens only otherwise; never HMAC or none. */
  private static JWSAlgorithm signatureAlgorithm(OIDCProviderMetadata metadata)
      throws SsoRefusedException {
    List<JWSAlgorithm> offered = metadata.getIDTokenJWSAlgs();
    if (offered == null || offered.isEmpty() || offered.contains(JWSAlgorithm.RS256)) {
      return JWSAlgorithm.RS256;
    }
    return offered.stream()
        .filter(JWSAlgorithm.Family.SIGNATURE::contains)
        .findFirst()
        .orElseThrow(() -> new SsoRefusedException("algorithm"));
  }

  private static java.net.URL toUrl(URI uri) throws SsoRefusedException {
    try {
      return uri.toURL();
    } catch (java.net.MalformedURLException e) {
      throw new SsoRefusedException("discovery", e);
    }
  }

  /** The cause's type and message, for the log: URLs and protocol errors, never tokens. */
  public static String causeOf(SsoRefusedException e) {
    Throwable cause = e.getCause();
    return cause == null
        ? ""
        : "(" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
  }

  /** Forgets a tenant's cached provider, e.g. after its settings changed. */
  public void forget(String tenantId) {
    providers.invalidate(tenantId);
  }
}
