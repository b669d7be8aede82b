package io.kursfilm.platform.control;

import io.kursfilm.kernel.CacheNotice;
import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.storage.keys.TenantGate;
import io.kursfilm.storage.keys.TenantKeys;
import io.kursfilm.storage.sealed.CiphertextCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * A tenant changed state here or on another node: this node forgets the state it kept, so its next
 * use of the tenant's keys reads the row again (a shred elsewhere closes the tenant here at once),
 * and drops the tenant's unwrapped keys and cached ciphertext, so nothing of a shredded tenant
 * stays in memory.
 */
@ApplicationScoped
public class TenantCacheEviction {

  @Inject TenantGate gate;
  @Inject TenantKeys keys;
  @Inject FieldCipher fieldCipher;
  @Inject CiphertextCache ciphertexts;

  void onNotice(@Observes(during = TransactionPhase.AFTER_SUCCESS) CacheNotice notice) {
    if (notice.tenantWide()) {
      String tenantId = notice.tenantId();
      gate.forget(tenantId);
      keys.forget(tenantId);
      fieldCipher.evict(tenantId);
      ciphertexts.evictTenant(tenantId);
    }
  }
}
