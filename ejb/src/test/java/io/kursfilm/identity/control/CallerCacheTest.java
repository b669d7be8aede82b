package io.kursfilm.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.CacheNotice;
import io.kursfilm.kernel.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallerCacheTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final String TOKEN_A = "a".repeat(43);
  private static final String TOKEN_B = "b".repeat(43);

  private final AuthenticatedCaller anna = caller("t-1", "u-anna");
  private final AuthenticatedCaller ben = caller("t-1", "u-ben");
  private final AuthenticatedCaller carl = caller("t-2", "u-carl");
  private CallerCache cache;

  @BeforeEach
  void create() {
    cache = new CallerCache();
    cache.ttl = Duration.ofMinutes(1);
    cache.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    cache.create();
  }

  @Test
  void a_kept_bearer_is_known_until_its_token_expires() {
    keepBearer(TOKEN_A, anna, NOW.plusSeconds(1));
    keepBearer(TOKEN_B, ben, NOW);

    assertEquals(Optional.of(anna), known(TOKEN_A));
    assertEquals(Optional.empty(), known(TOKEN_B));
  }

  @Test
  void a_user_notice_drops_that_users_tokens_and_sessions_only() {
    keepBearer(TOKEN_A, anna, NOW.plusSeconds(60));
    keepBearer(TOKEN_B, ben, NOW.plusSeconds(60));
    keepCurrent(anna);

    cache.onNotice(CacheNotice.user("t-1", "u-anna"));

    assertEquals(Optional.empty(), known(TOKEN_A));
    assertFalse(known(anna));
    assertEquals(Optional.of(ben), known(TOKEN_B));
  }

  @Test
  void a_tenant_notice_drops_everything_of_that_tenant_and_a_video_notice_nothing() {
    keepBearer(TOKEN_A, anna, NOW.plusSeconds(60));
    keepCurrent(carl);
    AtomicInteger lookups = new AtomicInteger();
    cache.isFrozen("t-1", () -> lookups.incrementAndGet() > 5);

    cache.onNotice(CacheNotice.video("t-1", "v-1"));
    assertTrue(known(TOKEN_A).isPresent());
    cache.isFrozen("t-1", () -> lookups.incrementAndGet() > 5);
    assertEquals(1, lookups.get(), "the frozen state came from memory");

    cache.onNotice(CacheNotice.tenant("t-1"));
    assertEquals(Optional.empty(), known(TOKEN_A));
    assertTrue(known(carl), "another tenant keeps its entries");
    cache.isFrozen("t-1", () -> lookups.incrementAndGet() > 5);
    assertEquals(2, lookups.get(), "the frozen state was read again");
  }

  @Test
  void an_answer_read_before_a_drop_is_not_kept() {
    Runnable dropMidLookup = () -> cache.onNotice(CacheNotice.user("t-1", "u-anna"));
    cache.bearer(
        TOKEN_A,
        () -> {
          dropMidLookup.run();
          return Optional.of(new CallerCache.Bearer(anna, NOW.plusSeconds(60)));
        });
    cache.isCurrent(
        anna,
        () -> {
          dropMidLookup.run();
          return true;
        });

    assertEquals(Optional.empty(), known(TOKEN_A));
    assertFalse(known(anna));
  }

  @Test
  void a_look_up_that_finds_nothing_keeps_nothing() {
    AtomicInteger lookups = new AtomicInteger();
    Supplier<Optional<CallerCache.Bearer>> nobody =
        () -> {
          lookups.incrementAndGet();
          return Optional.empty();
        };
    cache.bearer(TOKEN_A, nobody);
    cache.isCurrent(anna, () -> lookups.incrementAndGet() < 0);

    assertEquals(Optional.empty(), cache.bearer(TOKEN_A, nobody));
    assertFalse(cache.isCurrent(anna, () -> lookups.incrementAndGet() < 0));
    assertEquals(4, lookups.get(), "each miss asked again");
  }

  @Test
  void a_session_of_an_earlier_epoch_is_not_current() {
    keepCurrent(anna);

    AuthenticatedCaller older =
        new AuthenticatedCaller("t-1", "t-1", "u-anna", Set.of(Role.EMPLOYEE), 6, null);
    assertTrue(known(anna));
    assertFalse(known(older));
  }

  private void keepBearer(String token, AuthenticatedCaller who, Instant expires) {
    cache.bearer(token, () -> Optional.of(new CallerCache.Bearer(who, expires)));
  }

  private void keepCurrent(AuthenticatedCaller who) {
    cache.isCurrent(who, () -> true);
  }

  private Optional<AuthenticatedCaller> known(String token) {
    return cache.known(token);
  }

  private boolean known(AuthenticatedCaller who) {
    return cache.knows(who);
  }

  private static AuthenticatedCaller caller(String tenant, String user) {
    return new AuthenticatedCaller(tenant, tenant, user, Set.of(Role.EMPLOYEE), 7, null);
  }
}
