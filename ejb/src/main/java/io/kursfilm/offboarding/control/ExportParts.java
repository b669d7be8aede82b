package io.kursfilm.offboarding.control;

/**
 * Object ids of an export's parts in the tenant's bucket: {@code
 * export/<offboardingId>/part-NNNNNN}, under the tenant's own prefix so the shred deletes them with
 * everything else of the tenant.
 */
public final class ExportParts {

  private ExportParts() {}

  public static String prefix(String offboardingId) {
    return "export/" + offboardingId + "/";
  }

  public static String partId(String offboardingId, int index) {
    return prefix(offboardingId) + String.format("part-%06d", index);
  }

  /** The part number of object {@code key}; {@code Integer.MAX_VALUE} for anything else there. */
  static int index(String offboardingId, String key) {
    String name = key.substring(prefix(offboardingId).length());
    if (name.matches("part-\\d{6}")) {
      return Integer.parseInt(name.substring(5));
    }
    return Integer.MAX_VALUE;
  }
}
