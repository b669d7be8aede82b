package io.kursfilm.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What outlives a shredded tenant (V19): its id, the SHA-256 of its former slug, dates, counts and
 * the signed certificate. Written before the keys are destroyed and completed step by step, so it
 * is also the memory of a shred that a crash interrupted. Platform data, not tenant-filtered; holds
 * no content and no key material.
 */
@Entity
@Table(name = "tenant_tombstone")
public class TenantTombstone {

  @Id
  @Column(name = "tenant_id", length = 36)
  private String tenantId;

  @Column(name = "slug_sha256")
  private String slugSha256;

  @Column(name = "tenant_created_at")
  private Instant tenantCreatedAt;

  @Column(name = "shred_started_at")
  private Instant shredStartedAt;

  /** JSON array of key ids, read before destruction. */
  @Column(name = "key_ids")
  private String keyIds;

  @Column(name = "keys_destroyed_at")
  private Instant keysDestroyedAt;

  @Column(name = "objects_deleted")
  private long objectsDeleted;

  @Column(name = "uploads_aborted")
  private long uploadsAborted;

  /** JSON object, table to rows deleted. */
  @Column(name = "rows_deleted")
  private String rowsDeleted;

  @Column(name = "rows_deleted_at")
  private Instant rowsDeletedAt;

  @Column(name = "shredded_at")
  private Instant shreddedAt;

  @Column(name = "certificate_id")
  private String certificateId;

  private String certificate;

  @Version private long version;

  protected TenantTombstone() {}

  /**
   * @param keyIdsJson the tenant's key ids as a JSON array, read before they are destroyed
   */
  public TenantTombstone(
      String tenantId, String slug, Instant tenantCreatedAt, String keyIdsJson, Instant now) {
    this.tenantId = tenantId;
    this.slugSha256 = slugHash(slug);
    this.tenantCreatedAt = tenantCreatedAt;
    this.keyIds = keyIdsJson;
    this.shredStartedAt = now;
  }

  /**
   * SHA-256 (hex) of a slug as tenants are looked up (trimmed, lower case). Unkeyed on purpose: the
   * customer and the operator must be able to check which slug a certificate names; a slug is the
   * company's public short name, not personal data.
   */
  public static String slugHash(String slug) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(
                      slug.strip()
                          .toLowerCase(java.util.Locale.ROOT)
                          .getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** The keys are gone; the first time counts (a rerun destroys nothing more). */
  public void keysDestroyed(Instant at) {
    if (keysDestroyedAt == null) {
      keysDestroyedAt = at;
    }
  }

  /** A run of the object deletion removed these (a rerun adds what an interrupted one left). */
  public void objectsDeleted(long objects, long uploads) {
    this.objectsDeleted += objects;
    this.uploadsAborted += uploads;
  }

  /** The tenant's rows are deleted, in the same transaction that deleted them. */
  public void rowsDeleted(String rowsJson, Instant at) {
    this.rowsDeleted = rowsJson;
    this.rowsDeletedAt = at;
  }

  /** The signed certificate; issued once, a rerun returns this one. */
  public void certified(String certificateId, String signedJson, Instant at) {
    if (certificate != null) {
      throw new IllegalStateException("certificate already issued");
    }
    this.certificateId = certificateId;
    this.certificate = signedJson;
    this.shreddedAt = at;
  }

  public String tenantId() {
    return tenantId;
  }

  public String slugSha256() {
    return slugSha256;
  }

  public Instant tenantCreatedAt() {
    return tenantCreatedAt;
  }

  public Instant shredStartedAt() {
    return shredStartedAt;
  }

  public String keyIdsJson() {
    return keyIds;
  }

  public Optional<Instant> keysDestroyedAt() {
    return Optional.ofNullable(keysDestroyedAt);
  }

  public long objectsDeleted() {
    return objectsDeleted;
  }

  public long uploadsAborted() {
    return uploadsAborted;
  }

  public Optional<String> rowsDeletedJson() {
    return Optional.ofNullable(rowsDeleted);
  }

  public Optional<Instant> rowsDeletedAt() {
    return Optional.ofNullable(rowsDeletedAt);
  }

  public Optional<Instant> shreddedAt() {
    return Optional.ofNullable(shreddedAt);
  }

  public Optional<String> certificateId() {
    return Optional.ofNullable(certificateId);
  }

  public Optional<String> certificate() {
    return Optional.ofNullable(certificate);
  }
}
