package io.kursfilm.storage.keys.kms;

import com.google.crypto.tink.Aead;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;

/**
 * Tenant keys in Vault's Transit engine, on the mount of the master key: {@code
 * <mount>/keys/kursfilm-tenant-<tenantId>}, created {@code derived=true} (so the associated data is
 * bound, see {@link VaultTransitAead}) and deleted by first allowing deletion in the key's config,
 * as Vault demands. The token's policy needs {@code create, read, update, delete} on {@code
 * <mount>/keys/kursfilm-tenant-*} and its {@code /config}, and {@code update} on {@code
 * <mount>/encrypt/kursfilm-tenant-*} and {@code decrypt/…}. Thread-safe.
 */
public final class VaultTenantKeys implements TenantKmsKeys {

  static final String KEY_PREFIX = "kursfilm-tenant-";

  private final VaultClient vault;
  private final String uriPrefix;

  VaultTenantKeys(VaultClient vault) {
    this.vault = vault;
    URI address = vault.address();
    this.uriPrefix =
        "vault-transit://"
            + address.getHost()
            + (address.getPort() == -1 ? "" : ":" + address.getPort())
            + "/"
            + vault.mount()
            + "/";
  }

  @Override
  public String create(String tenantId) throws GeneralSecurityException {
    String name = KEY_PREFIX + tenantId;
    JsonObject request = new JsonObject();
    request.addProperty("derived", true);
    request.addProperty("exportable", false);
    vault.call("create key", name, "POST", "keys/" + name, request);
    return uriPrefix + name;
  }

  @Override
  public Aead aead(String keyUri) throws GeneralSecurityException {
    return vault.aead(nameOf(keyUri));
  }

  @Override
  public void delete(String keyUri) throws GeneralSecurityException {
    String name = nameOf(keyUri);
    if (vault.call("read key", name, "GET", "keys/" + name, null).isEmpty()) {
      return; // deleted by an earlier attempt
    }
    JsonObject config = new JsonObject();
    config.addProperty("deletion_allowed", true);
    vault.call("allow deletion", name, "POST", "keys/" + name + "/config", config);
    vault.call("delete key", name, "DELETE", "keys/" + name, null);
  }

  /**
   * The key name in {@code keyUri}, which must lie on the configured mount. Its host is not used:
   * every key is looked up in the configured Vault, so a key file cannot send the token elsewhere,
   * and moving Vault to a new address is a change of the master URI only.
   */
  private String nameOf(String keyUri) throws GeneralSecurityException {
    String path;
    try {
      URI parsed = new URI(keyUri);
      if (!"vault-transit".equals(parsed.getScheme()) || parsed.getPath() == null) {
        throw new GeneralSecurityException("tenant key URI is not a Vault Transit key");
      }
      path = parsed.getPath();
    } catch (URISyntaxException | NullPointerException e) {
      throw new GeneralSecurityException("malformed tenant key URI");
    }
    String prefix = "/" + vault.mount() + "/";
    String name = path.startsWith(prefix) ? path.substring(prefix.length()) : "";
    if (!name.startsWith(KEY_PREFIX)
        || name.contains("/")
        || !VaultClient.PATH_SEGMENTS.matcher(name).matches()) {
      throw new GeneralSecurityException("tenant key URI is not a tenant key on the Vault mount");
    }
    return name;
  }
}
