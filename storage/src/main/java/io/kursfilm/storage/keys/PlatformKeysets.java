package io.kursfilm.storage.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import io.kursfilm.storage.keys.kms.MasterKeyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The platform's own keysets (not a tenant's), such as the audit signing key: kept in the key store
 * under {@code platform/<name>.json}, wrapped by the same master AEAD as the tenant keysets and
 * backed up with them by {@link KeyStoreBackup}. Never created implicitly: the caller decides when
 * a missing keyset may be generated, because a silently regenerated signing key would orphan every
 * signature made before. Thread-safe.
 */
public final class PlatformKeysets {

  /** The sub-directory of the key store holding the wrapped platform keysets; backed up. */
  public static final String DIR = "platform";

  private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");

  private final Path dir;
  private final Path tenantsDir;
  private final Aead master;

  PlatformKeysets(Path keyStoreDir, Aead master) {
    this.dir = keyStoreDir.resolve(DIR);
    this.tenantsDir = keyStoreDir.resolve(LocalKeyStore.TENANTS_DIR);
    this.master = master;
  }

  /**
   * Whether the key store holds any tenant keyset, i.e. is in use and not at its first start: a
   * platform keyset missing then was lost, not yet to be made.
   */
  public boolean keyStoreInUse() {
    if (!Files.isDirectory(tenantsDir)) {
      return false;
    }
    try (var files = Files.newDirectoryStream(tenantsDir, "*.json")) {
      return files.iterator().hasNext();
    } catch (IOException e) {
      throw new KeyStoreException("cannot list tenant keys", e);
    }
  }

  /** Whether keyset {@code name} exists (it may still fail to unwrap). */
  public boolean exists(String name) {
    return Files.exists(fileOf(name));
  }

  /** Unwraps keyset {@code name}; empty when there is none. */
  public Optional<KeysetHandle> read(String name) {
    Path file = fileOf(name);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
              Files.readString(file, StandardCharsets.UTF_8), master, associatedData(name)));
    } catch (IOException | GeneralSecurityException e) {
      throw new KeyStoreException("cannot load platform keyset", e);
    }
  }

  /** Wraps and stores {@code keyset} as {@code name}; fails if that name already exists. */
  public synchronized void store(String name, KeysetHandle keyset) {
    Path file = fileOf(name);
    if (Files.exists(file)) {
      throw new KeyStoreException("platform keyset already exists");
    }
    try {
      Files.createDirectories(dir);
      MasterKeyFile.writePrivately(
          file,
          TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, master, associatedData(name)));
    } catch (IOException | GeneralSecurityException e) {
      throw new KeyStoreException("cannot store platform keyset", e);
    }
  }

  private Path fileOf(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad platform keyset name");
    }
    return dir.resolve(name + ".json");
  }

  /** Binds each wrapped keyset to its name, so a tenant keyset copied here will not load. */
  static byte[] associatedData(String name) {
    return ("kursfilm-platform-keyset|" + name).getBytes(StandardCharsets.UTF_8);
  }
}
