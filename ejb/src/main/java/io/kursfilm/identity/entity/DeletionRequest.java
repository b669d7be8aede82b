package io.kursfilm.identity.entity;

import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A person's request to have their account erased (GDPR art. 17). A tenant admin other than the
 * person decides; approval erases the account, the request itself stays with ids only.
 */
@Entity
@Table(name = "deletion_request")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = DeletionRequest.PENDING,
    query = "select d from DeletionRequest d where d.state = :state order by d.requestedAt")
@NamedQuery(
    name = DeletionRequest.PENDING_OF_USER,
    query = "select d from DeletionRequest d where d.userId = :userId and d.state = :state")
public class DeletionRequest {

  public static final String PENDING = "DeletionRequest.pending";
  public static final String PENDING_OF_USER = "DeletionRequest.pendingOfUser";

  /** Where a request stands. */
  public enum State {
    PENDING,
    APPROVED,
    REJECTED
  }

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "user_id")
  private String userId;

  @Enumerated(EnumType.STRING)
  private State state;

  @Column(name = "requested_at")
  private Instant requestedAt;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Version private long version;

  protected DeletionRequest() {}

  public DeletionRequest(String userId, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.userId = userId;
    this.state = State.PENDING;
    this.requestedAt = now;
  }

  /**
   * Records the decision of {@code adminId}; nobody decides on their own erasure, and a request is
   * decided once.
   */
  public void decide(boolean approve, String adminId, Instant now) {
    if (state != State.PENDING) {
      throw new ConflictException("this request was already decided");
    }
    if (adminId.equals(userId)) {
      throw new ConflictException("another admin must decide on your own erasure");
    }
    this.state = approve ? State.APPROVED : State.REJECTED;
    this.decidedBy = adminId;
    this.decidedAt = now;
  }

  public String id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public State state() {
    return state;
  }

  public Instant requestedAt() {
    return requestedAt;
  }
}
