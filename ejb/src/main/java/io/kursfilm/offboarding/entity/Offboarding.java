package io.kursfilm.offboarding.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One customer's way out: the export, its download, the shred. Platform bookkeeping (not
 * tenant-filtered, ids and counts only): it outlives the tenant's shred.
 */
@Entity
@Table(name = "offboarding")
@NamedQuery(
    name = Offboarding.OF_TENANT,
    query = "select o from Offboarding o where o.tenantId = :tenant order by o.requestedAt desc")
@NamedQuery(
    name = Offboarding.CLAIMABLE,
    query =
        "select o from Offboarding o where o.state = io.kursfilm.offboarding.entity.OffboardingState.EXPORTING"
            + " and (o.exportClaimedUntil is null or o.exportClaimedUntil < :now)"
            + " order by o.requestedAt")
@NamedQuery(
    name = Offboarding.DOWNLOAD_GRACE_OVER,
    query =
        "select o from Offboarding o where o.state = io.kursfilm.offboarding.entity.OffboardingState.READY_FOR_DOWNLOAD"
            + " and o.exportReadyAt < :before")
@NamedQuery(
    name = Offboarding.ALL,
    query = "select o from Offboarding o order by o.requestedAt desc")
public class Offboarding {

  public static final String OF_TENANT = "Offboarding.ofTenant";
  public static final String ALL = "Offboarding.all";
  public static final String CLAIMABLE = "Offboarding.claimable";
  public static final String DOWNLOAD_GRACE_OVER = "Offboarding.downloadGraceOver";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "tenant_id")
  private String tenantId;

  @Enumerated(EnumType.STRING)
  private OffboardingState state;

  @Column(name = "requested_by")
  private String requestedBy;

  @Column(name = "requested_at")
  private Instant requestedAt;

  @Column(name = "export_done_bytes")
  private long exportDoneBytes;

  @Column(name = "export_total_bytes")
  private long exportTotalBytes;

  @Column(name = "export_ready_at")
  private Instant exportReadyAt;

  @Column(name = "downloaded_at")
  private Instant downloadedAt;

  @Column(name = "confirmed_by")
  private String confirmedBy;

  @Column(name = "confirmed_at")
  private Instant confirmedAt;

  @Column(name = "shredded_at")
  private Instant shreddedAt;

  private String failure;

  /** The export writer's state, sealed by the export job (see V21); null before the first part. */
  @Column(name = "export_checkpoint")
  private String exportCheckpoint;

  @Column(name = "export_claim")
  private String exportClaim;

  @Column(name = "export_claimed_until")
  private Instant exportClaimedUntil;

  /** SHA-256 of the token that reads the certificate without a session (V19). */
  @Column(name = "certificate_token_hash")
  private String certificateTokenHash;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Version private long version;

  protected Offboarding() {}

  public Offboarding(String tenantId, String requestedBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.tenantId = tenantId;
    this.requestedBy = requestedBy;
    this.requestedAt = now;
    this.updatedAt = now;
    this.state = OffboardingState.EXPORTING;
  }

  /** The export job wrote {@code done} of {@code total} bytes. */
  public void exportProgress(long done, long total, Instant now) {
    this.exportDoneBytes = done;
    this.exportTotalBytes = total;
    this.updatedAt = now;
  }

  /**
   * A node takes (or renews) the export until {@code until}; refused while another node's lease
   * runs or when the export is no longer running.
   */
  public boolean claimExport(String claim, Instant until, Instant now) {
    if (state != OffboardingState.EXPORTING) {
      return false;
    }
    boolean free = exportClaimedUntil == null || exportClaimedUntil.isBefore(now);
    if (!free && !claim.equals(exportClaim)) {
      return false;
    }
    this.exportClaim = claim;
    this.exportClaimedUntil = until;
    return true;
  }

  /** Whether {@code claim} still holds the running export. */
  public boolean holdsExport(String claim) {
    return state == OffboardingState.EXPORTING && claim.equals(exportClaim);
  }

  /** The export job closed a part: its sealed state and how far it got. */
  public void exportCheckpoint(String sealedState, long done, long total, Instant now) {
    this.exportCheckpoint = sealedState;
    exportProgress(done, total, now);
  }

  public Optional<String> exportCheckpoint() {
    return Optional.ofNullable(exportCheckpoint);
  }

  public void exportReady(Instant now) {
    this.exportClaim = null;
    this.exportClaimedUntil = null;
    move(OffboardingState.EXPORTING, OffboardingState.READY_FOR_DOWNLOAD, now);
    this.exportReadyAt = now;
  }

  public void downloaded(Instant now) {
    move(OffboardingState.READY_FOR_DOWNLOAD, OffboardingState.DOWNLOADED, now);
    this.downloadedAt = now;
  }

  /** The admin typed the tenant's name: the shred may start. */
  public void confirmed(String adminId, Instant now) {
    if (state != OffboardingState.READY_FOR_DOWNLOAD && state != OffboardingState.DOWNLOADED) {
      throw new IllegalStateException("the export is not ready");
    }
    this.state = OffboardingState.SHREDDING;
    this.confirmedBy = adminId;
    this.confirmedAt = now;
    this.updatedAt = now;
  }

  public void shredded(Instant now) {
    move(OffboardingState.SHREDDING, OffboardingState.SHREDDED, now);
    this.shreddedAt = now;
  }

  /**
   * The admin who confirms gets a token that reads the certificate once their account is gone (the
   * shred deletes it); only its hash is kept.
   */
  public void certificateTokenIssued(String tokenSha256) {
    this.certificateTokenHash = tokenSha256;
  }

  /** A shred that failed runs again; only a confirmed offboarding had a shred to fail. */
  public void shredRetried(Instant now) {
    if (state != OffboardingState.FAILED || confirmedAt == null) {
      throw new IllegalStateException("only a failed shred can be retried");
    }
    this.state = OffboardingState.SHREDDING;
    this.failure = null;
    this.updatedAt = now;
  }

  public void cancelled(Instant now) {
    if (state != OffboardingState.EXPORTING
        && state != OffboardingState.READY_FOR_DOWNLOAD
        && state != OffboardingState.DOWNLOADED) {
      throw new IllegalStateException("an offboarding can be cancelled only before the shred");
    }
    this.state = OffboardingState.CANCELLED;
    this.updatedAt = now;
  }

  /** A job failed for good; {@code reason} is a stable key, never content. */
  public void failed(String reason, Instant now) {
    this.state = OffboardingState.FAILED;
    this.failure = reason;
    this.updatedAt = now;
  }

  private void move(OffboardingState from, OffboardingState to, Instant now) {
    if (state != from) {
      throw new IllegalStateException("offboarding is " + state + ", not " + from);
    }
    this.state = to;
    this.updatedAt = now;
  }

  public String id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public OffboardingState state() {
    return state;
  }

  public String requestedBy() {
    return requestedBy;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  public long exportDoneBytes() {
    return exportDoneBytes;
  }

  public long exportTotalBytes() {
    return exportTotalBytes;
  }

  public Optional<Instant> exportReadyAt() {
    return Optional.ofNullable(exportReadyAt);
  }

  public Optional<Instant> downloadedAt() {
    return Optional.ofNullable(downloadedAt);
  }

  public Optional<String> confirmedBy() {
    return Optional.ofNullable(confirmedBy);
  }

  public Optional<Instant> confirmedAt() {
    return Optional.ofNullable(confirmedAt);
  }

  public Optional<Instant> shreddedAt() {
    return Optional.ofNullable(shreddedAt);
  }

  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  public Optional<String> certificateTokenHash() {
    return Optional.ofNullable(certificateTokenHash);
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
