package io.kursfilm.learning.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.ReadOnly;

/**
 * Which tenant a certificate belongs to, for the anonymous verification that knows nothing but the
 * id: read-only and not tenant-filtered, it maps only the id and the tenant of {@code certificate}.
 * Not cached, so a certificate deleted with its person or its tenant (a shred) is invalid at once.
 */
@Entity
@Table(name = "certificate")
@ReadOnly
@Cacheable(false)
public class CertificateKey {

  @Id
  @Column(length = 43)
  private String id;

  @Column(name = "tenant_id")
  private String tenantId;

  protected CertificateKey() {}

  public String id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }
}
