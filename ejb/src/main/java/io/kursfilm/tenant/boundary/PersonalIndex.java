package io.kursfilm.tenant.boundary;

import io.kursfilm.kernel.TenantContext;
import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.tenant.control.TenantRegistry;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.function.UnaryOperator;

/** Blind indexes of personal values in the bound tenant, for exact-match look-ups. */
@Dependent
public class PersonalIndex {

  @Inject TenantContext context;
  @Inject TenantRegistry tenants;
  @Inject FieldCipher cipher;

  public String of(String field, String value) {
    return keyed(field).apply(value);
  }

  /**
   * The blind index of {@code field} as a function, with the tenant and its index key looked up
   * once: for indexing thousands of values in one request (pseudonyms of a quiz's participants).
   * Use it only inside the transaction it was made in.
   */
  public UnaryOperator<String> keyed(String field) {
    String tenantId = context.require();
    byte[] key =
        tenants
            .find(tenantId)
            .orElseThrow(() -> new IllegalStateException("bound tenant missing"))
            .indexKey();
    return value -> cipher.blindIndex(tenantId, key, field, value);
  }
}
