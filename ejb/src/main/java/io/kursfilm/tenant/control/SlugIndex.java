package io.kursfilm.tenant.control;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import io.kursfilm.storage.keys.KeyStoreException;
import io.kursfilm.storage.keys.PlatformKeysets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The blind index tenants are found by before anybody logs in: HMAC-SHA256 of the normalised slug
 * under the platform's directory key. The slug itself is sealed under the tenant's own key (a dump
 * shows neither); the index reveals nothing without the directory key, which is a platform keyset
 * wrapped by the key store's master and backed up with the tenant keys.
 *
 * <p>The keyset is created when it is missing: on the first start, and on an installation that
 * predates it (then its tenants have no index yet and are found by their plaintext slug until
 * {@link TenantDirectorySealing} indexes them). A keyset lost later is replaced the same way; the
 * start-up sealing then re-indexes every tenant whose slug still opens, so nothing but the missing
 * key's indexes is lost. Unlike the audit signing key, a replaced directory key cannot forge
 * anything: it only names rows.
 */
@ApplicationScoped
public class SlugIndex {

  /** Name of the keyset among the key store's platform keysets. */
  public static final String NAME = "tenant-directory";

  private static final Logger LOG = Logger.getLogger(SlugIndex.class.getName());
  private static final String FIELD = "tenant.slug";

  @Inject PlatformKeysets keysets;

  private volatile Mac mac;

  /** The index of {@code slug}, normalised (stripped, lower case) first. */
  public String of(String slug) {
    return indexWith(mac(), slug);
  }

  /**
   * The index of {@code slug} under an existing directory keyset, for tools outside the application
   * that look tenants up in the database (benchmark seeders); never creates the keyset.
   *
   * @throws IllegalStateException when the key store has no directory keyset yet
   */
  public static String of(PlatformKeysets keysets, String slug) {
    try {
      MacConfig.register();
      KeysetHandle keyset =
          keysets
              .read(NAME)
              .orElseThrow(() -> new IllegalStateException("no tenant directory keyset"));
      return indexWith(keyset.getPrimitive(RegistryConfiguration.get(), Mac.class), slug);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("tenant directory keyset unusable", e);
    }
  }

  private static String indexWith(Mac mac, String slug) {
    byte[] tag;
    try {
      tag = mac.computeMac((FIELD + "\u0000" + normalise(slug)).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot index slug", e);
    }
    // Tink prefixes tags with a 5-byte key id; the index is the HMAC itself.
    return HexFormat.of().formatHex(tag, tag.length - 32, tag.length);
  }

  /** Slugs are compared case-insensitively and without surrounding blanks. */
  public static String normalise(String slug) {
    return slug.strip().toLowerCase(Locale.ROOT);
  }

  private Mac mac() {
    Mac m = mac;
    if (m == null) {
      m = load();
    }
    return m;
  }

  private synchronized Mac load() {
    if (mac != null) {
      return mac;
    }
    try {
      MacConfig.register();
      KeysetHandle keyset = keysets.read(NAME).orElseGet(this::create);
      mac = keyset.getPrimitive(RegistryConfiguration.get(), Mac.class);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("tenant directory keyset unusable", e);
    }
  }

  private KeysetHandle create() {
    try {
      KeysetHandle fresh = KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG);
      keysets.store(NAME, fresh);
      LOG.info(
          () ->
              "tenant directory keyset created"
                  + (keysets.keyStoreInUse()
                      ? " (key store in use: tenants are indexed at start-up)"
                      : " (first start)"));
      return fresh;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create the tenant directory keyset", e);
    } catch (KeyStoreException e) {
      // Another node stored it first (a shared key store): use that one.
      return keysets.read(NAME).orElseThrow(() -> e);
    }
  }
}
