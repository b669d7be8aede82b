package io.kursfilm.tenant.control;

import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.audit.entity.Action;
import io.kursfilm.audit.entity.AuditEvent;
import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.identity.entity.Role;
import io.kursfilm.platform.control.ConflictException;
import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.storage.keys.TenantKeys;
import io.kursfilm.tenant.entity.Tenant;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Creates a tenant with its key-encryption key and first users, in a transaction of its own. If the
 * database work fails after the key was made, the key is destroyed again, so no orphan key outlives
 * a tenant that never existed.
 */
@Stateless
public class TenantProvisioning {

  /** A user to create together with the tenant. */
  public record NewUser(String email, String displayName, Set<Role> roles, char[] password) {}

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject TenantRegistry registry;
  @Inject TenantFilter filter;
  @Inject UserDirectory users;
  @Inject TenantKeys keys;
  @Inject FieldCipher fieldCipher;
  @Inject Clock clock;
  @Inject AuditLog audit;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Tenant provision(String slug, String name, List<NewUser> firstUsers) {
    if (registry.findBySlug(slug).isPresent()) {
      throw new ConflictException("a tenant with this slug exists");
    }
    Tenant tenant = new Tenant(slug, name, clock.instant());
    em.persist(tenant);
    em.flush();
    String kekId = keys.create(tenant.id());
    try {
      tenant.keysCreated(kekId, fieldCipher.newWrappedIndexKey(tenant.id()));
      filter.bind(tenant.id());
      List<String> created = new ArrayList<>();
      for (NewUser u : firstUsers) {
        created.add(users.create(u.email(), u.displayName(), u.roles(), u.password()).id());
      }
      em.flush();
      // In this transaction: logged if and only if the tenant comes to exist.
      audit.recordInTransaction(
          AuditEvent.of(Action.TENANT_CREATED)
              .platform()
              .subject("tenant", tenant.id())
              .detail("users", firstUsers.size()));
      audit.recordInTransaction(
          AuditEvent.of(Action.KEY_CREATED)
              .platform()
              .subject("tenant-key", kekId)
              .detail("tenant", tenant.id()));
      // On the platform chain with the tenant's creation: the operator made these accounts.
      for (String userId : created) {
        audit.recordInTransaction(
            AuditEvent.of(Action.USER_CREATED)
                .platform()
                .subject("user", userId)
                .detail("tenant", tenant.id()));
      }
      return tenant;
    } catch (RuntimeException e) {
      keys.destroy(tenant.id());
      throw e;
    }
  }

  /** Marks every user of the tenant as verified (the demo seed's addresses are made up). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void verifyAllAddresses(String tenantId) {
    filter.bind(tenantId);
    users.all().forEach(io.kursfilm.identity.entity.User::emailVerified);
  }
}
