package io.kursfilm.storage.keys;

import io.kursfilm.storage.keys.kms.MasterKeys;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a node reaches the tenant key store: the directory of wrapped tenant keysets and the master
 * key that wraps them (a keyset file inside the directory by default, else a KMS URI). The
 * application and standalone transcode workers open it alike, so both read the same tenant keys.
 *
 * @param createMaster whether a missing local master keyset file may be created (first start)
 */
public record KeyStoreSettings(
    Path dir,
    Optional<String> masterUri,
    boolean createMaster,
    Optional<String> vaultToken,
    Optional<String> kmsCredentials,
    Duration cacheTtl) {

  /**
   * Opens the key store these settings describe, holding its {@link KeyStoreLock} for the life of
   * the process, and, with a Vault Transit master, gives each new tenant a Vault key of its own.
   */
  public LocalKeyStore open() {
    KeyStoreLock.holdShared(dir);
    // Local default: the master keyset file inside the key store; production names a KMS key.
    String uri =
        masterUri
            .filter(u -> !u.isBlank())
            .orElse("file:" + dir.toAbsolutePath().resolve(LocalKeyStore.MASTER_FILE));
    Map<String, String> settings = new HashMap<>();
    settings.put(MasterKeys.FILE_CREATE, Boolean.toString(createMaster));
    vaultToken.ifPresent(t -> settings.put(MasterKeys.VAULT_TOKEN, t));
    kmsCredentials.ifPresent(c -> settings.put(MasterKeys.KMS_CREDENTIALS, c));
    try {
      return new LocalKeyStore(
          dir,
          MasterKeys.fromUri(uri, settings),
          MasterKeys.tenantKeys(uri, settings),
          cacheTtl,
          Clock.systemUTC());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("master key unavailable", e);
    }
  }
}
