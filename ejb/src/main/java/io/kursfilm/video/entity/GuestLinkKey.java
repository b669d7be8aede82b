package io.kursfilm.video.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.ReadOnly;

/**
 * Which tenant a guest link belongs to, read before any tenant is bound: a guest has no session,
 * only the link's token (or, while watching, its id). Read-only and not tenant-filtered, it maps
 * nothing but ids and the token's hash of {@code guest_link}; everything else is read through
 * {@link GuestLink} once that tenant is bound. Not cached, so a shred's bulk delete is seen at
 * once.
 */
@Entity
@Table(name = "guest_link")
@ReadOnly
@Cacheable(false)
@NamedQuery(
    name = GuestLinkKey.BY_TOKEN_HASH,
    query = "select k from GuestLinkKey k where k.tokenHash = :hash")
public class GuestLinkKey {

  public static final String BY_TOKEN_HASH = "GuestLinkKey.byTokenHash";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "tenant_id")
  private String tenantId;

  @Column(name = "token_hash")
  private String tokenHash;

  protected GuestLinkKey() {}

  public String id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }
}
