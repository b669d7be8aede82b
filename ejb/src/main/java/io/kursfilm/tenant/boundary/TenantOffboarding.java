package io.kursfilm.tenant.boundary;

import io.kursfilm.storage.shred.ShredCertificate;
import io.kursfilm.tenant.control.TenantRegistry;
import io.kursfilm.tenant.control.TenantShredding;
import io.kursfilm.tenant.entity.Tenant;
import io.kursfilm.tenant.entity.TenantState;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The tenant's side of an offboarding, for the offboarding component, which authorises and audits
 * the use cases (this bean is also called from its jobs, where nobody is logged in): freezing the
 * tenant while its export is taken, thawing it when the offboarding is cancelled, and the shred.
 */
@Stateless
public class TenantOffboarding {

  @Inject TenantRegistry tenants;
  @Inject TenantShredding shredding;

  /** ACTIVE to OFFBOARDING: from now on nothing new is sealed for the tenant. */
  public void freeze(String tenantId) {
    tenant(tenantId).freeze();
  }

  /** OFFBOARDING back to ACTIVE, when the offboarding is cancelled before the shred. */
  public void thaw(String tenantId) {
    tenant(tenantId).thaw();
  }

  /**
   * Crypto-shreds an offboarding tenant. Safe to call again after a failure or a success: a repeat
   * finishes what is left and never re-creates a key.
   *
   * @throws IllegalStateException when the tenant is still ACTIVE
   */
  public ShredReceipt shred(String tenantId) {
    if (tenant(tenantId).state() == TenantState.ACTIVE) {
      throw new IllegalStateException("an active tenant cannot be shredded; freeze it first");
    }
    return receipt(shredding.shred(tenantId));
  }

  /** The certificate of a shredded tenant, if it was shredded. */
  public Optional<ShredReceipt> certificate(String tenantId) {
    return Optional.empty();
  }

  private Tenant tenant(String tenantId) {
    return tenants.find(tenantId).orElseThrow(() -> new IllegalArgumentException("no such tenant"));
  }

  private static ShredReceipt receipt(ShredCertificate certificate) {
    var keyIds = Json.createArrayBuilder();
    certificate.keyIdsDestroyed().forEach(keyIds::add);
    String json =
        Json.createObjectBuilder()
            .add("tenantId", certificate.tenantId())
            .add("keysDestroyedAt", certificate.keysDestroyedAt().toString())
            .add("keyIdsDestroyed", keyIds)
            .add("objectsDeleted", certificate.objectsDeleted())
            .add("incompleteUploadsAborted", certificate.incompleteUploadsAborted())
            .add("noBackupHoldsKeyAfter", certificate.noBackupHoldsKeyAfter().toString())
            .build()
            .toString();
    return new ShredReceipt(certificate, json.getBytes(StandardCharsets.UTF_8), new byte[0]);
  }
}
