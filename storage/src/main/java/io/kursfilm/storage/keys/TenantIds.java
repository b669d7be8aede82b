package io.kursfilm.storage.keys;

import java.util.regex.Pattern;

/**
 * The one rule for tenant ids used as file names in the key store and its backups, so that no id
 * can escape its directory.
 */
final class TenantIds {

  private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private TenantIds() {}

  /** The keyset file name of {@code tenantId}; rejects ids that are not plain names. */
  static String fileName(String tenantId) {
    if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
      throw new IllegalArgumentException("malformed tenant id");
    }
    return tenantId + ".json";
  }
}
