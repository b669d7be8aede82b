package io.kursfilm.tenant.boundary;

import io.kursfilm.kernel.TenantContext;
import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.tenant.control.TenantRegistry;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** Blind indexes of personal values in the bound tenant, for exact-match look-ups. */
@Dependent
public class PersonalIndex {

  @Inject TenantContext context;
  @Inject TenantRegistry tenants;
  @Inject FieldCipher cipher;

  public String of(String field, String value) {
    String tenantId = context.require();
    byte[] key =
        tenants
            .find(tenantId)
            .orElseThrow(() -> new IllegalStateException("bound tenant missing"))
            .indexKey();
    return cipher.blindIndex(tenantId, key, field, value);
  }
}
