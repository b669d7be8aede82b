package io.kursfilm.tenant.entity;

import io.kursfilm.kernel.FreeText;
import io.kursfilm.tenant.boundary.TenantSettingsValue;
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
import java.util.regex.Pattern;

/** A customer company. Not tenant-filtered itself: it is what the filter is keyed on. */
@Entity
@Table(name = "tenant")
@NamedQuery(name = Tenant.FIND_BY_SLUG, query = "select t from Tenant t where t.slug = :slug")
@NamedQuery(name = Tenant.FIND_ALL, query = "select t from Tenant t order by t.slug")
@NamedQuery(name = Tenant.STATE_OF, query = "select t.state from Tenant t where t.id = :id")
public class Tenant {

  public static final String FIND_BY_SLUG = "Tenant.findBySlug";
  public static final String FIND_ALL = "Tenant.findAll";
  public static final String STATE_OF = "Tenant.stateOf";

  private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,39}");

  @Id
  @Column(length = 36)
  private String id;

  private String slug;
  private String name;

  @Enumerated(EnumType.STRING)
  private TenantState state;

  @Column(name = "kek_id")
  private String kekId;

  /** HMAC key of this tenant's blind indexes, wrapped by its KEK. */
  @Column(name = "index_key")
  private byte[] indexKey;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "max_upload_bytes")
  private Long maxUploadBytes;

  @Column(name = "anonymise_results")
  private boolean anonymiseResults;

  @Column(name = "require_critic_approval")
  private boolean requireCriticApproval = true;

  @Column(name = "anonymise_changed_at")
  private Instant anonymiseChangedAt;

  @Column(name = "required_approvals")
  private int requiredApprovals = 1;

  @Version private long version;

  protected Tenant() {}

  public Tenant(String slug, String name, Instant now) {
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw new IllegalArgumentException(
          "slug must be 2-40 lower-case letters, digits or dashes, starting with a letter");
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("name must be 1-200 characters");
    }
    FreeText.line("name", name);
    this.id = UUID.randomUUID().toString();
    this.slug = slug;
    this.name = name.strip();
    this.state = TenantState.ACTIVE;
    this.createdAt = now;
  }

  /** What the tenant's admins have set. */
  public TenantSettingsValue settings() {
    return new TenantSettingsValue(
        Optional.ofNullable(maxUploadBytes),
        anonymiseResults,
        requireCriticApproval,
        requiredApprovals);
  }

  /**
   * Applies the admins' settings; an upload limit must lie within the platform's.
   *
   * @param platformMaxUploadBytes the largest limit the platform allows any tenant
   */
  public void configure(TenantSettingsValue settings, long platformMaxUploadBytes, Instant now) {
    settings
        .maxUploadBytes()
        .filter(limit -> limit < 1 || limit > platformMaxUploadBytes)
        .ifPresent(
            limit -> {
              throw new IllegalArgumentException(
                  "maxUploadBytes: between 1 and " + platformMaxUploadBytes);
            });
    this.maxUploadBytes = settings.maxUploadBytes().orElse(null);
    if (this.anonymiseResults != settings.anonymiseResults()) {
      this.anonymiseChangedAt = now;
    }
    this.anonymiseResults = settings.anonymiseResults();
    this.requireCriticApproval = settings.requireCriticApproval();
    this.requiredApprovals = settings.requiredApprovals();
  }

  /** Records the tenant's key-encryption key id and its wrapped blind-index key. */
  public void keysCreated(String kekId, byte[] wrappedIndexKey) {
    this.kekId = kekId;
    this.indexKey = wrappedIndexKey.clone();
  }

  /** When anonymisation of quiz results was last switched on or off; empty: never. */
  public Optional<Instant> anonymiseChangedAt() {
    return Optional.ofNullable(anonymiseChangedAt);
  }

  public byte[] indexKey() {
    return indexKey == null ? null : indexKey.clone();
  }

  /**
   * The customer is leaving: nothing new is written for the tenant while its export is taken (the
   * tenant gate refuses sealing), and only what the offboarding allows can still be read.
   */
  public void freeze() {
    if (state != TenantState.ACTIVE) {
      throw new IllegalStateException("only an active tenant can start offboarding");
    }
    this.state = TenantState.OFFBOARDING;
  }

  /** The offboarding was cancelled before the shred: the tenant works again as before. */
  public void thaw() {
    if (state != TenantState.OFFBOARDING) {
      throw new IllegalStateException("only an offboarding tenant can be thawed");
    }
    this.state = TenantState.ACTIVE;
  }

  /** The tenant's keys are destroyed: nobody can log in or read anything of it any more. */
  public void shredded() {
    this.state = TenantState.SHREDDED;
  }

  public boolean isActive() {
    return state == TenantState.ACTIVE;
  }

  public String id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String name() {
    return name;
  }

  public TenantState state() {
    return state;
  }

  public String kekId() {
    return kekId;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
