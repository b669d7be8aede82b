package io.kursfilm.storage.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Decides from a tenant's lifecycle state whether its keys may be used: an {@code ACTIVE} tenant's
 * data may be read and written, an {@code OFFBOARDING} one's only read (the export job reads
 * everything while users are already locked out), a {@code SHREDDED}, unknown or missing one's
 * neither. States are read through {@link TenantStates} and kept for at most {@link #MAX_TTL}, so a
 * state changed on one node (or directly in the database) binds every node and worker within that
 * time. Bounded and thread-safe; one per process.
 */
public final class TenantGate {

  /** The longest a node may act on a state it read earlier: the shred's promise to customers. */
  public static final Duration MAX_TTL = Duration.ofSeconds(5);

  /** Tenants whose state is kept at once; more are read again on use. */
  public static final int CACHED_STATES = 10_000;

  private static final String ACTIVE = "ACTIVE";
  private static final String OFFBOARDING = "OFFBOARDING";

  private final TenantStates states;
  private final Cache<String, String> cache;

  /**
   * @param ttl how long a state read from {@code states} is trusted; at most {@link #MAX_TTL}
   */
  public TenantGate(TenantStates states, Duration ttl, Clock clock) {
    if (ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0) {
      throw new IllegalArgumentException("tenant state cache TTL must be 0 to " + MAX_TTL);
    }
    this.states = states;
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(CACHED_STATES)
            .expireAfterWrite(ttl)
            .ticker(ClockTicker.of(clock))
            .build();
  }

  /**
   * Passes when the tenant's data may be opened (ACTIVE or OFFBOARDING).
   *
   * @throws TenantClosedException when it is shredded, in an unknown state or has no row
   */
  public void requireReadable(String tenantId) {
    String state = stateOf(tenantId);
    if (!ACTIVE.equals(state) && !OFFBOARDING.equals(state)) {
      throw new TenantClosedException("tenant " + tenantId + " is " + state + ": nothing opens");
    }
  }

  /**
   * Passes when new data may be sealed for the tenant (ACTIVE only).
   *
   * @throws TenantClosedException in any other state or without a row
   */
  public void requireWritable(String tenantId) {
    String state = stateOf(tenantId);
    if (!ACTIVE.equals(state)) {
      throw new TenantClosedException(
          "tenant " + tenantId + " is " + state + ": nothing is sealed");
    }
  }

  /** Whether new data may be sealed for the tenant now, as {@link #requireWritable} decides. */
  public boolean isWritable(String tenantId) {
    return ACTIVE.equals(stateOf(tenantId));
  }

  /**
   * Forgets the state kept for the tenant, so the next check reads the row: for a state changed on
   * another node, which then binds this one at once instead of within the TTL.
   */
  public void forget(String tenantId) {
    cache.invalidate(tenantId);
  }

  /** The state, or {@code MISSING} (not cached, so a tenant created a moment later is seen). */
  private String stateOf(String tenantId) {
    String cached = cache.getIfPresent(tenantId);
    if (cached != null) {
      return cached;
    }
    Optional<String> read = states.stateOf(tenantId);
    read.ifPresent(state -> cache.put(tenantId, state));
    return read.orElse("MISSING");
  }
}
