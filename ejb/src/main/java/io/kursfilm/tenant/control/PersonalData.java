package io.kursfilm.tenant.control;

import io.kursfilm.storage.field.FieldCipher;
import jakarta.enterprise.inject.spi.CDI;

/**
 * What the JPA converters of personal columns do: seal and open values under the key of the tenant
 * bound to the transaction (DESIGN.md: DB dumps and backups are covered by the shred). The field
 * name binds a ciphertext to its column.
 *
 * <p>Each converter implements {@code AttributeConverter<String, String>} itself, because
 * EclipseLink reads the converted types from the converter class's own interfaces.
 */
public final class PersonalData {

  private PersonalData() {}

  public static String seal(String field, String value) {
    return cipher().encrypt(tenant(), field, value);
  }

  public static String open(String field, String stored) {
    return cipher().decrypt(tenant(), field, stored);
  }

  // Looked up per call: EclipseLink creates converters itself, outside of CDI's lifecycle.
  private static FieldCipher cipher() {
    return CDI.current().select(FieldCipher.class).get();
  }

  private static String tenant() {
    return CDI.current().select(TenantContext.class).get().require();
  }
}
