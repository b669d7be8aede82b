package io.kursfilm.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.kursfilm.identity.boundary.SsoPending;
import io.kursfilm.identity.entity.TenantSso;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider cache against a real HTTP discovery endpoint on loopback: one discovery per tenant
 * within {@code kursfilm.sso.metadata-ttl}, a new one after it or after {@code forget}.
 */
class OidcClientCacheTest {

  private static final Duration TTL = Duration.ofHours(1);

  /** A clock the test moves by hand, so expiry is tested without sleeping. */
  static final class Hand extends Clock {
    Instant now = Instant.parse("2026-12-06T09:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  final Hand clock = new Hand();
  final AtomicInteger discoveries = new AtomicInteger();
  final OidcClient client = new OidcClient();
  HttpServer server;
  TenantSso sso;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext(
        "/.well-known/openid-configuration",
        exchange -> {
          discoveries.incrementAndGet();
          byte[] body =
              ("{\"issuer\":\""
                      + issuer
                      + "\","
                      + "\"authorization_endpoint\":\""
                      + issuer
                      + "/authorize\","
                      + "\"token_endpoint\":\""
                      + issuer
                      + "/token\","
                      + "\"jwks_uri\":\""
                      + issuer
                      + "/jwks\","
                      + "\"response_types_supported\":[\"code\"],"
                      + "\"subject_types_supported\":[\"public\"],"
                      + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    client.clock = clock;
    client.timeout = Duration.ofSeconds(5);
    client.metadataTtl = TTL;
    client.allowHttp = true;
    client.create();
    sso = new TenantSso("t1");
    sso.configure(issuer, "client", "sealed", true, false, false, "admin", clock.now);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void signIn() throws Exception {
    client.authorizationUri(
        sso,
        SsoPending.start("t1", "demo", null, clock.now),
        URI.create("https://kursfilm.test/sso/callback"));
  }

  @Test
  void discovery_is_kept_for_the_metadata_ttl_and_done_again_after_it() throws Exception {
    signIn();
    clock.now = clock.now.plus(TTL).minusMillis(1);
    signIn();
    assertEquals(1, discoveries.get());

    clock.now = clock.now.plusMillis(1);
    signIn();
    assertEquals(2, discoveries.get());
  }

  @Test
  void a_forgotten_provider_is_discovered_again() throws Exception {
    signIn();

    client.forget("t1");
    signIn();

    assertEquals(2, discoveries.get());
  }
}
