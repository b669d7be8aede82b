package io.kursfilm.audit.boundary;

import io.kursfilm.audit.control.AuditFilter;
import io.kursfilm.audit.control.AuditQuery;
import io.kursfilm.audit.control.AuditSigningKey;
import io.kursfilm.audit.control.ChainVerifier;
import io.kursfilm.audit.control.Checkpoint;
import io.kursfilm.audit.control.CheckpointSchedule;
import io.kursfilm.audit.entity.AuditEntry;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantSlugs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reading and verifying the audit log. A tenant admin sees and verifies the own tenant's chain
 * only, whatever is asked for; a platform operator every chain, or one by tenant slug ({@code
 * platform} for the platform's own chain).
 */
@Stateless
@RolesAllowed({Role.Names.ROOT, Role.Names.TENANT_ADMIN})
public class AuditTrail {

  /** Largest page a caller may ask for. */
  public static final int MAX_LIMIT = AuditFilter.MAX_LIMIT;

  /** A query as the caller states it; {@code tenantSlug} is honoured for platform operators. */
  public record Criteria(
      String tenantSlug,
      Instant from,
      Instant to,
      Action action,
      String actorId,
      int offset,
      int limit) {}

  @Inject Caller caller;
  @Inject TenantSlugs tenants;
  @Inject AuditQuery query;
  @Inject ChainVerifier verifier;
  @Inject CheckpointSchedule checkpoints;
  @Inject AuditSigningKey signingKey;
  @Inject AuditLog audit;

  /**
   * Entries newest first, one page. When a platform operator reads entries of a tenant's chain, the
   * read is recorded in that chain (one entry per chain, with the count), so the tenant's admins
   * see who looked at their log.
   */
  public List<AuditEntryView> list(Criteria c) {
    List<AuditEntryView> page = query.list(filter(c)).stream().map(AuditEntryView::of).toList();
    if (caller.require().has(Role.ROOT)) {
      page.stream()
          .filter(e -> e.tenantId() != null)
          .collect(
              Collectors.groupingBy(AuditEntryView::tenantId, TreeMap::new, Collectors.counting()))
          .forEach(
              (tenantId, count) ->
                  audit.record(
                      AuditEvent.of(Action.AUDIT_READ)
                          .tenant(tenantId, null)
                          .subject("audit-chain", tenantId)
                          .detail("count", count)));
    }
    return page;
  }

  /** How many entries match, for paging. */
  public long count(Criteria c) {
    return query.count(filter(c));
  }

  public VerifyResult verify(String tenantSlug) {
    String chain = chain(tenantSlug);
    List<String> chains = chain == null ? verifier.chains() : List.of(chain);
    return VerifyResult.of(
        chains.stream().map(verifier::verify).toList(), signingKey.verificationKeyFingerprint());
  }

  /** Writes signed checkpoints of every chain now, as the timer does; returns how many. */
  @RolesAllowed(Role.Names.ROOT)
  public int checkpointNow() {
    return checkpoints.checkpointAll();
  }

  /**
   * Anchors the chain of {@code tenantSlug} although its newest checkpoint is stale: after a crash
   * followed by a pause longer than twice the interval, once an operator has looked into the
   * unanchored entries. Recorded on the platform chain. Returns how many checkpoints were written
   * (0: the chain has another problem, or none).
   */
  @RolesAllowed(Role.Names.ROOT)
  public int reanchorStale(String tenantSlug) {
    if (tenantSlug == null || tenantSlug.isBlank()) {
      throw new IllegalArgumentException("name the tenant whose chain to re-anchor");
    }
    String chain = chain(tenantSlug);
    Optional<Checkpoint> written = checkpoints.reanchorStale(chain);
    written.ifPresent(
        c ->
            audit.record(
                AuditEvent.of(Action.AUDIT_REANCHORED)
                    .platform()
                    .subject("audit-chain", chain)
                    .detail("sequence", c.sequence())
                    .detail("checkpoint", c.number())));
    return written.isPresent() ? 1 : 0;
  }

  private AuditFilter filter(Criteria c) {
    return new AuditFilter(
        chain(c.tenantSlug()), c.from(), c.to(), c.action(), c.actorId(), c.offset(), c.limit());
  }

  /** The chain the caller may see; {@code null} = all (platform operators only). */
  private String chain(String tenantSlug) {
    AuthenticatedCaller who = caller.require();
    boolean asked = tenantSlug != null && !tenantSlug.isBlank();
    if (!who.has(Role.ROOT)) {
      if (asked && !tenantSlug.equals(who.tenantSlug())) {
        throw new EJBAccessException("own tenant only");
      }
      return AuditEntry.chainOf(who.tenantId());
    }
    if (!asked) {
      return null;
    }
    if (TenantSlugs.PLATFORM.equals(tenantSlug)) {
      return AuditEntry.PLATFORM_CHAIN;
    }
    return tenants
        .idOf(tenantSlug)
        .map(AuditEntry::chainOf)
        .orElseThrow(() -> new IllegalArgumentException("no such tenant"));
  }
}
