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

  /**
   * EclipseLink creates converters itself, outside of CDI's lifecycle, so the beans are looked up.
   * Once: {@code CDI.current()} walks the stack on every call (Payara finds the calling module by
   * it), and every user row loaded (each authenticated request) opens two fields. Both are safe to
   * keep: the cipher is a singleton, the tenant context a proxy to the current transaction's.
   */
  private record Beans(FieldCipher cipher, TenantContext tenant) {}

  private static volatile Beans beans;

  public static String seal(String field, String value) {
    Beans b = beans();
    return b.cipher().encrypt(b.tenant().require(), field, value);
  }

  public static String open(String field, String stored) {
    Beans b = beans();
    return b.cipher().decrypt(b.tenant().require(), field, stored);
  }

  private static Beans beans() {
    Beans b = beans;
    if (b == null) {
      CDI<Object> cdi = CDI.current();
      b = new Beans(cdi.select(FieldCipher.class).get(), cdi.select(TenantContext.class).get());
      beans = b;
    }
    return b;
  }
}
