package io.kursfilm.video.entity;

import io.kursfilm.kernel.FreeText;
import io.kursfilm.kernel.InstantConverter;
import io.kursfilm.kernel.PersonalData;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.storage.field.FieldCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * An expiring, revocable link through which anybody holding it watches one published video without
 * an account. Only the SHA-256 of its random token is kept, the optional password as a PBKDF2 hash;
 * the label is sealed. Whether it still opens is decided here ({@link #opensAt}), on every request.
 */
@Entity
@Table(name = "guest_link")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = GuestLink.OF_VIDEO,
    query = "select g from GuestLink g where g.videoId = :videoId order by g.createdAt desc")
public class GuestLink {

  public static final String OF_VIDEO = "GuestLink.ofVideo";

  public static final int MAX_LABEL = 200;

  /** Password guesses allowed before the link is blocked for a while. */
  static final int FREE_FAILURES = 5;

  static final Duration FIRST_BLOCK = Duration.ofMinutes(1);
  static final Duration LONGEST_BLOCK = Duration.ofHours(1);

  private static final String TABLE = "guest_link";
  private static final String LABEL_FIELD = "label";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "video_id")
  private String videoId;

  @Column(name = "token_hash")
  private String tokenHash;

  @Column(name = "label")
  private String labelSealed;

  @Transient private String label;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at")
  @Convert(converter = InstantConverter.class)
  private Instant createdAt;

  @Column(name = "expires_at")
  @Convert(converter = InstantConverter.class)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  @Convert(converter = InstantConverter.class)
  private Instant revokedAt;

  private int openings;

  @Column(name = "password_failures")
  private int passwordFailures;

  @Column(name = "blocked_until")
  @Convert(converter = InstantConverter.class)
  private Instant blockedUntil;

  @Version private long version;

  protected GuestLink() {}

  public GuestLink(
      String videoId,
      String tokenHash,
      String label,
      String passwordHash,
      String createdBy,
      Instant now,
      Instant expiresAt) {
    if (expiresAt == null || !expiresAt.isAfter(now)) {
      throw new IllegalArgumentException("expiresAt: must lie in the future");
    }
    if (expiresAt.isAfter(now.plus(Duration.ofDays(366)))) {
      throw new IllegalArgumentException("expiresAt: at most a year ahead");
    }
    if (label != null && !label.isBlank()) {
      if (label.length() > MAX_LABEL) {
        throw new IllegalArgumentException("label: at most " + MAX_LABEL + " characters");
      }
      this.label = FreeText.line("label", label.strip());
    }
    this.id = UUID.randomUUID().toString();
    this.videoId = videoId;
    this.tokenHash = tokenHash;
    this.passwordHash = passwordHash;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  @PrePersist
  void seal() {
    labelSealed =
        label == null
            ? null
            : PersonalData.seal(LABEL_FIELD, new FieldCipher.Row(TABLE, id), label);
  }

  @PostLoad
  void open() {
    label =
        labelSealed == null
            ? null
            : PersonalData.open(LABEL_FIELD, new FieldCipher.Row(TABLE, id), labelSealed);
  }

  /** Not revoked and not expired at {@code now}; the video's state is the caller's question. */
  public boolean opensAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  /** Whether password guesses are refused at {@code now}, whatever is typed. */
  public boolean blockedAt(Instant now) {
    return blockedUntil != null && now.isBefore(blockedUntil);
  }

  /** A wrong password: from the {@value #FREE_FAILURES}th on, blocks for a doubling while. */
  public void passwordFailed(Instant now) {
    passwordFailures++;
    if (passwordFailures >= FREE_FAILURES) {
      int over = Math.min(passwordFailures - FREE_FAILURES, 6);
      Duration block = FIRST_BLOCK.multipliedBy(1L << over);
      blockedUntil = now.plus(block.compareTo(LONGEST_BLOCK) > 0 ? LONGEST_BLOCK : block);
    }
  }

  /** Somebody opened the link (with the right password, where it has one). */
  public void opened() {
    openings++;
    passwordFailures = 0;
    blockedUntil = null;
  }

  /** Revokes the link for good; revoking twice changes nothing. */
  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public String id() {
    return id;
  }

  public String videoId() {
    return videoId;
  }

  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  public Optional<String> passwordHash() {
    return Optional.ofNullable(passwordHash);
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }

  public Optional<Instant> blockedUntil() {
    return Optional.ofNullable(blockedUntil);
  }

  public int openings() {
    return openings;
  }
}
