package io.kursfilm.storage.keys.kms;

import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the master key that wraps tenant keysets from one configured URI, so that moving from the
 * local file to a KMS is a configuration change. Stateless factory; call it once at start-up.
 *
 * <table>
 *   <caption>Supported URIs and their settings</caption>
 *   <tr><th>URI</th><th>settings</th></tr>
 *   <tr><td>{@code file:/var/lib/kursfilm/keys/master-keyset.json} (local default)</td>
 *       <td>{@value #FILE_CREATE} ({@code true} generates the keyset on first use)</td></tr>
 *   <tr><td>{@code aws-kms://arn:aws:kms:...}, {@code gcp-kms://projects/...}</td>
 *       <td>{@value #KMS_CREDENTIALS} (credentials file; default: the SDK's default chain). Needs
 *           {@code tink-awskms} / {@code tink-gcpkms} on the classpath.</td></tr>
 *   <tr><td>{@code vault-transit://vault.internal:8200/transit/kursfilm-master}
 *           (mount {@code transit}, key {@code kursfilm-master}; the key must be
 *           {@code derived=true}; each tenant gets {@code transit/keys/kursfilm-tenant-<id>},
 *           see {@link #tenantKeys})</td>
 *       <td>{@value #VAULT_TOKEN} (required), {@value #VAULT_NAMESPACE}, {@value #VAULT_TLS}
 *           ({@code false} for plain http, development only), {@value #TIMEOUT}</td></tr>
 * </table>
 */
public final class MasterKeys {

  public static final String FILE_CREATE = "file.create";
  public static final String KMS_CREDENTIALS = "kms.credentials";
  public static final String VAULT_TOKEN = "vault.token";
  public static final String VAULT_NAMESPACE = "vault.namespace";
  public static final String VAULT_TLS = "vault.tls";

  /** ISO-8601 duration bounding each remote call, default {@code PT10S}. */
  public static final String TIMEOUT = "timeout";

  private MasterKeys() {}

  /**
   * The master AEAD named by {@code uri}.
   *
   * @throws IllegalArgumentException when the URI or a setting is malformed or unsupported
   * @throws GeneralSecurityException when the key cannot be obtained; never contains secrets
   */
  public static Aead fromUri(String uri, Map<String, String> settings)
      throws GeneralSecurityException {
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("master key URI missing");
    }
    if (uri.startsWith("file:")) {
      return fromFile(uri, settings);
    }
    if (KmsClientMasterKey.handles(uri)) {
      return KmsClientMasterKey.aead(uri, setting(settings, KMS_CREDENTIALS));
    }
    if (uri.startsWith("vault-transit://")) {
      return fromVault(uri, settings);
    }
    throw new IllegalArgumentException(
        "unsupported master key URI scheme; use file:, aws-kms://, gcp-kms:// or vault-transit://");
  }

  private static Aead fromFile(String uri, Map<String, String> settings)
      throws GeneralSecurityException {
    boolean create = Boolean.parseBoolean(setting(settings, FILE_CREATE).orElse("false"));
    try {
      URI parsed = new URI(uri);
      // "file:keys/master.json" (relative) is opaque; "file:/abs" and "file:///abs" are not.
      Path file = parsed.isOpaque() ? Path.of(parsed.getSchemeSpecificPart()) : Path.of(parsed);
      return MasterKeyFile.open(file, create);
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed file: master key URI");
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot read master keyset file", e);
    }
  }

  /**
   * The tenants' own KMS keys next to the master key {@code uri}: for {@code vault-transit://} a
   * key per tenant on the master key's mount ({@link VaultTenantKeys}); empty for the local file,
   * whose tenant keysets stay under the master, and for AWS and GCP KMS, which have no
   * implementation yet.
   */
  public static Optional<TenantKmsKeys> tenantKeys(String uri, Map<String, String> settings) {
    if (uri != null && uri.startsWith("vault-transit://")) {
      return Optional.of(new VaultTenantKeys(vault(uri, settings).client()));
    }
    return Optional.empty();
  }

  private static Aead fromVault(String uri, Map<String, String> settings) {
    VaultKey key = vault(uri, settings);
    return key.client().aead(key.name());
  }

  private record VaultKey(VaultClient client, String name) {}

  private static VaultKey vault(String uri, Map<String, String> settings) {
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("malformed vault-transit: master key URI");
    }
    String path = parsed.getPath() == null ? "" : parsed.getPath().replaceAll("^/+|/+$", "");
    int lastSlash = path.lastIndexOf('/');
    if (parsed.getHost() == null || lastSlash <= 0) {
      throw new IllegalArgumentException(
          "vault-transit URI must read vault-transit://host[:port]/mount/key");
    }
    boolean tls = Boolean.parseBoolean(setting(settings, VAULT_TLS).orElse("true"));
    URI address =
        URI.create(
            (tls ? "https://" : "http://")
                + parsed.getHost()
                + (parsed.getPort() == -1 ? "" : ":" + parsed.getPort()));
    String token =
        setting(settings, VAULT_TOKEN)
            .orElseThrow(() -> new IllegalArgumentException("setting " + VAULT_TOKEN + " missing"));
    Duration timeout = timeout(settings);
    VaultClient client =
        new VaultClient(
            address,
            path.substring(0, lastSlash),
            token,
            setting(settings, VAULT_NAMESPACE),
            HttpClient.newBuilder().connectTimeout(timeout).build(),
            timeout);
    return new VaultKey(client, path.substring(lastSlash + 1));
  }

  private static Duration timeout(Map<String, String> settings) {
    try {
      return Duration.parse(setting(settings, TIMEOUT).orElse("PT10S"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("setting " + TIMEOUT + " must be an ISO-8601 duration");
    }
  }

  private static Optional<String> setting(Map<String, String> settings, String name) {
    return Optional.ofNullable(settings.get(name)).filter(value -> !value.isBlank());
  }
}
