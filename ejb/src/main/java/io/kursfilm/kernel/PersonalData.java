package io.kursfilm.kernel;

import io.kursfilm.storage.field.FieldCipher;
import jakarta.enterprise.inject.spi.CDI;

/**
 * Seals and opens personal column values under the key of the tenant bound to the transaction, for
 * JPA converters and entity callbacks (DB dumps and backups are covered by the shred). The field
 * name binds a ciphertext to its column; entities that know their row id bind it to the row too
 * ({@link #seal(String, FieldCipher.Row, String)}), so a value copied into another row fails to
 * open instead of showing there.
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

  /** Seals {@code value} bound to {@code row} as well as to tenant and field. */
  public static String seal(String field, FieldCipher.Row row, String value) {
    Beans b = beans();
    return b.cipher().encrypt(b.tenant().require(), row, field, value);
  }

  /** Opens a value of {@code row}: a row-bound one only there, an older one as before. */
  public static String open(String field, FieldCipher.Row row, String stored) {
    Beans b = beans();
    return b.cipher().decrypt(b.tenant().require(), row, field, stored);
  }

  /**
   * Seals {@code value} of {@code row} for tenant {@code tenantId} named by the row itself, for
   * platform rows that are not tenant-filtered (an elevation belongs to the tenant it opens).
   */
  public static String sealFor(String tenantId, String field, FieldCipher.Row row, String value) {
    return beans().cipher().encrypt(tenantId, row, field, value);
  }

  /** Opens a value sealed by {@link #sealFor}. */
  public static String openFor(String tenantId, String field, FieldCipher.Row row, String stored) {
    return beans().cipher().decrypt(tenantId, row, field, stored);
  }

  /**
   * Opens a value of a column that was plaintext before it was sealed: a value written before reads
   * as it is until the start-up sealing (or the row's next write) seals it.
   */
  public static String openOrPlain(String field, FieldCipher.Row row, String stored) {
    return FieldCipher.isSealed(stored) ? open(field, row, stored) : stored;
  }

  /**
   * Opens values of many rows with one look-up of the bound tenant, for reads of thousands of rows
   * (results of a quiz): resolving the transaction-scoped tenant costs more than a decryption. Use
   * it only inside the transaction it was made in.
   */
  public static Opener opener() {
    Beans b = beans();
    String tenantId = b.tenant().require();
    return (field, row, stored) -> b.cipher().decrypt(tenantId, row, field, stored);
  }

  /**
   * Opens values of the tenant it was made for, as {@link #open(String, FieldCipher.Row, String)}.
   */
  @FunctionalInterface
  public interface Opener {
    String open(String field, FieldCipher.Row row, String stored);
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
