package io.kursfilm.tenant.entity;

import io.kursfilm.kernel.FreeText;
import io.kursfilm.kernel.PersonalData;
import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.tenant.boundary.TenantSettingsValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A customer company. Not tenant-filtered itself: it is what the filter is keyed on.
 *
 * <p>Its slug and name are the customer's own: sealed under the tenant's key and bound to this row
 * (so a shred leaves neither readable in any dump), opened on demand rather than on load, because a
 * shredded tenant's row is still listed and its values no longer open. The slug is found through
 * {@link #slugIndex}, a blind index under the platform's directory key. Rows written before V17
 * hold both in clear, without an index, until the start-up sealing ({@link #sealPlaintext}).
 */
@Entity
@Table(name = "tenant")
@NamedQuery(
    name = Tenant.FIND_BY_SLUG_INDEX,
    query = "select t from Tenant t where t.slugIndex = :slugIndex")
@NamedQuery(
    name = Tenant.FIND_BY_PLAINTEXT_SLUG,
    query = "select t from Tenant t where t.slugIndex is null and t.slugSealed = :slug")
@NamedQuery(name = Tenant.FIND_ALL, query = "select t from Tenant t order by t.createdAt")
@NamedQuery(name = Tenant.STATE_OF, query = "select t.state from Tenant t where t.id = :id")
public class Tenant {

  public static final String FIND_BY_SLUG_INDEX = "Tenant.findBySlugIndex";

  /** A tenant written before V17 and not indexed yet, by its slug in clear. */
  public static final String FIND_BY_PLAINTEXT_SLUG = "Tenant.findByPlaintextSlug";

  public static final String FIND_ALL = "Tenant.findAll";
  public static final String STATE_OF = "Tenant.stateOf";

  private static final String TABLE = "tenant";
  private static final String SLUG_FIELD = "slug";
  private static final String NAME_FIELD = "name";

  private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,39}");

  @Id
  @Column(length = 36)
  private String id;

  /** Sealed slug; found through {@link #slugIndex}. */
  @Column(name = "slug")
  private String slugSealed;

  /** Blind index of the normalised slug under the platform's directory key; unique. */
  @Column(name = "slug_index")
  private String slugIndex;

  /** Sealed name. */
  @Column(name = "name")
  private String nameSealed;

  @Transient private String slug;
  @Transient private String name;

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

  /**
   * A new tenant; its slug and name are sealed by {@link #sealPlaintext} once its key exists,
   * before the row is first written.
   *
   * @param slugIndex {@link io.kursfilm.tenant.control.SlugIndex} of {@code slug}
   */
  public Tenant(String slug, String slugIndex, String name, Instant now) {
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
    this.slugIndex = slugIndex;
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

  /**
   * Seals slug and name to this row under the tenant's own key, when they are not yet (a new
   * tenant, or a row written in clear before V17); returns whether it changed anything.
   */
  public boolean sealPlaintext() {
    if (FieldCipher.isRowBound(slugSealed) && FieldCipher.isRowBound(nameSealed)) {
      return false;
    }
    String plainSlug = slug();
    String plainName = name();
    FieldCipher.Row row = row();
    slugSealed = PersonalData.sealFor(id, SLUG_FIELD, row, plainSlug);
    nameSealed = PersonalData.sealFor(id, NAME_FIELD, row, plainName);
    return true;
  }

  /** Sets the blind index of the slug (indexing a row of before V17, or re-indexing). */
  public void indexSlug(String slugIndex) {
    this.slugIndex = slugIndex;
  }

  public String slugIndex() {
    return slugIndex;
  }

  /**
   * The slug, opened under the tenant's key.
   *
   * @throws RuntimeException when the tenant's key refuses: shredded (or its key destroyed)
   */
  public String slug() {
    if (slug == null) {
      slug = open(SLUG_FIELD, slugSealed);
    }
    return slug;
  }

  /**
   * The name, opened under the tenant's key.
   *
   * @throws RuntimeException when the tenant's key refuses: shredded (or its key destroyed)
   */
  public String name() {
    if (name == null) {
      name = open(NAME_FIELD, nameSealed);
    }
    return name;
  }

  private String open(String field, String stored) {
    return FieldCipher.isSealed(stored) ? PersonalData.openFor(id, field, row(), stored) : stored;
  }

  private FieldCipher.Row row() {
    return new FieldCipher.Row(TABLE, id);
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
