package io.kursfilm.web.testing;

import io.kursfilm.storage.keys.KeyStoreSettings;
import io.kursfilm.tenant.control.SlugIndex;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;

/**
 * Finds a tenant's row by slug from outside the application, as an operator's script would: slugs
 * are sealed (V17), so through the slug index under the directory key of the key store the app
 * under test uses ({@code KURSFILM_KEYSTORE_DIR}, local master).
 */
public final class TenantRows {

  private TenantRows() {}

  /** The index the app stores for {@code slug}. */
  public static String slugIndex(String slug) {
    return SlugIndex.of(
        new KeyStoreSettings(
                Path.of(System.getenv("KURSFILM_KEYSTORE_DIR")),
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty(),
                Duration.ofMinutes(1))
            .open()
            .platformKeysets(),
        slug);
  }

  /** The id of the tenant of {@code slug}. */
  public static String idOf(Connection db, String slug) throws Exception {
    try (PreparedStatement q = db.prepareStatement("SELECT id FROM tenant WHERE slug_index = ?")) {
      q.setString(1, slugIndex(slug));
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          throw new AssertionError("no tenant " + slug);
        }
        return rs.getString(1);
      }
    }
  }
}
