package io.kursfilm.identity.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.CacheNotice;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the authentication of a request found out, kept per node for {@code
 * kursfilm.identity.caller-cache-ttl}: who stands behind a bearer token, that a UI session is still
 * current, whether a tenant is frozen. A playing video asks every few seconds per viewer; without
 * this each segment read the session, tenant and user rows (and opened the user's sealed fields),
 * which profiling put at a third of the CPU of serving it.
 *
 * <p>Only answers that let someone in are kept, and every change that could take one back sends a
 * {@link CacheNotice} that drops it on every node once its transaction commits: a logout or ended
 * sessions (roles or activity changed, password reset, removal) drop the user's entries, a frozen,
 * thawed or shredded tenant all of the tenant's. A look-up that began before such a drop does not
 * store what it read, so a stale answer cannot slip back in. A bearer entry never outlives its
 * token.
 */
@ApplicationScoped
public class CallerCache {

  static final int ENTRIES = 100_000;

  private record Entry(String tenantId, String userId, Object answer, Instant until) {}

  @Inject
  @ConfigProperty(name = "kursfilm.identity.caller-cache-ttl")
  Duration ttl;

  @Inject Clock clock;

  private final AtomicLong drops = new AtomicLong();
  private Cache<String, Entry> entries;

  @PostConstruct
  void create() {
    entries = Caffeine.newBuilder().maximumSize(ENTRIES).expireAfterWrite(ttl).build();
  }

  /** Who a bearer token was issued to, and until when it holds: what a bearer look-up finds. */
  public record Bearer(AuthenticatedCaller caller, Instant expires) {}

  /** The caller behind a bearer token, when this node knows it; no look-up. */
  public Optional<AuthenticatedCaller> known(String token) {
    return answer(bearerKey(token), AuthenticatedCaller.class);
  }

  /** Whether this node knows the UI session of this caller to stand; no look-up. */
  public boolean knows(AuthenticatedCaller who) {
    return answer(sessionKey(who), Boolean.class).isPresent();
  }

  /** Whether the tenant is frozen, when this node knows; no look-up. */
  public Optional<Boolean> frozen(String tenantId) {
    return answer("frozen:" + tenantId, Boolean.class);
  }

  /** The caller behind a bearer token (by its hash), from memory or from {@code lookup}. */
  public Optional<AuthenticatedCaller> bearer(String token, Supplier<Optional<Bearer>> lookup) {
    String key = bearerKey(token);
    Optional<AuthenticatedCaller> known = answer(key, AuthenticatedCaller.class);
    if (known.isPresent()) {
      return known;
    }
    long generation = drops.get();
    Optional<Bearer> found = lookup.get();
    found.ifPresent(b -> keep(key, b.caller(), b.caller(), b.expires(), generation));
    return found.map(Bearer::caller);
  }

  /**
   * Whether a UI session of this caller (tenant, user, session epoch) stands, from memory or from
   * {@code lookup}.
   */
  public boolean isCurrent(AuthenticatedCaller who, BooleanSupplier lookup) {
    if (knows(who)) {
      return true;
    }
    long generation = drops.get();
    boolean current = lookup.getAsBoolean();
    if (current) {
      keep(sessionKey(who), who, Boolean.TRUE, Instant.MAX, generation);
    }
    return current;
  }

  /** Whether the tenant is frozen, from memory or from {@code lookup}. */
  public boolean isFrozen(String tenantId, Supplier<Boolean> lookup) {
    Optional<Boolean> known = frozen(tenantId);
    if (known.isPresent()) {
      return known.get();
    }
    long generation = drops.get();
    boolean frozen = lookup.get();
    store("frozen:" + tenantId, new Entry(tenantId, null, frozen, Instant.MAX), generation);
    return frozen;
  }

  void onNotice(@Observes(during = TransactionPhase.AFTER_SUCCESS) CacheNotice notice) {
    if (notice.videoId().isPresent()) {
      return;
    }
    drops.incrementAndGet();
    entries
        .asMap()
        .values()
        .removeIf(
            e ->
                e.tenantId().equals(notice.tenantId())
                    && (notice.userId().isEmpty() || notice.userId().get().equals(e.userId())));
  }

  private <T> Optional<T> answer(String key, Class<T> type) {
    Entry entry = entries.getIfPresent(key);
    if (entry == null || !clock.instant().isBefore(entry.until())) {
      return Optional.empty();
    }
    return Optional.of(type.cast(entry.answer()));
  }

  private void keep(
      String key, AuthenticatedCaller who, Object answer, Instant until, long generation) {
    store(key, new Entry(who.tenantId(), who.userId(), answer, until), generation);
  }

  private void store(String key, Entry entry, long generation) {
    entries.put(key, entry);
    // A drop that came while the answer was being read may have missed it: take it back.
    if (drops.get() != generation) {
      entries.invalidate(key);
    }
  }

  private static String bearerKey(String token) {
    return "bearer:" + ApiTokens.hash(token);
  }

  private static String sessionKey(AuthenticatedCaller who) {
    return "session:" + who.tenantId() + ":" + who.userId() + ":" + who.sessionEpoch();
  }
}
