package io.kursfilm.storage.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The local default key store: a directory of its own (never inside the database or the object
 * store) holding one Tink keyset per tenant, each encrypted under a master keyset file. In
 * production the master key lives in a KMS instead; this class is the seam's local side.
 *
 * <p>Unwrapped KEKs are cached in memory for a short time and evicted on destroy.
 */
public class LocalKeyStore implements TenantKeys {

  private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final String MASTER_FILE = "master-keyset.json";

  private final Path tenantsDir;
  private final Aead master;
  private final Duration cacheTtl;
  private final Clock clock;
  private final Map<String, CachedKek> cache = new ConcurrentHashMap<>();

  private record CachedKek(Aead aead, Instant expires) {}

  /**
   * Opens the key store in {@code directory}, creating the master keyset on first use when {@code
   * createMaster} is set.
   */
  public LocalKeyStore(Path directory, boolean createMaster, Duration cacheTtl, Clock clock) {
    this.tenantsDir = directory.resolve("tenants");
    this.cacheTtl = cacheTtl;
    this.clock = clock;
    try {
      AeadConfig.register();
      Files.createDirectories(tenantsDir);
      this.master = loadMaster(directory.resolve(MASTER_FILE), createMaster);
    } catch (IOException | GeneralSecurityException e) {
      throw new KeyStoreException("cannot open key store", e);
    }
  }

  private static Aead loadMaster(Path file, boolean create)
      throws IOException, GeneralSecurityException {
    if (!Files.exists(file)) {
      if (!create) {
        throw new KeyStoreException("master keyset missing and creation disabled");
      }
      KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      writePrivately(
          file, TinkJsonProtoKeysetFormat.serializeKeyset(fresh, InsecureSecretKeyAccess.get()));
    }
    KeysetHandle handle =
        TinkJsonProtoKeysetFormat.parseKeyset(
            Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
    return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  @Override
  public String create(String tenantId) {
    Path file = fileOf(tenantId);
    if (Files.exists(file)) {
      throw new KeyStoreException("tenant key already exists");
    }
    try {
      KeysetHandle kek = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      writePrivately(
          file,
          TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(
              kek, master, associatedData(tenantId)));
      return Integer.toUnsignedString(kek.getPrimary().getId());
    } catch (IOException | GeneralSecurityException e) {
      throw new KeyStoreException("cannot create tenant key", e);
    }
  }

  @Override
  public boolean exists(String tenantId) {
    return Files.exists(fileOf(tenantId));
  }

  @Override
  public Aead kek(String tenantId) {
    Instant now = clock.instant();
    CachedKek cached = cache.get(tenantId);
    if (cached != null && cached.expires().isAfter(now)) {
      return cached.aead();
    }
    Path file = fileOf(tenantId);
    if (!Files.exists(file)) {
      cache.remove(tenantId);
      throw new KeyStoreException("tenant key missing or destroyed");
    }
    try {
      KeysetHandle handle =
          TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
              Files.readString(file, StandardCharsets.UTF_8), master, associatedData(tenantId));
      Aead aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
      cache.put(tenantId, new CachedKek(aead, now.plus(cacheTtl)));
      return aead;
    } catch (IOException | GeneralSecurityException e) {
      throw new KeyStoreException("cannot load tenant key", e);
    }
  }

  @Override
  public void destroy(String tenantId) {
    cache.remove(tenantId);
    try {
      Files.deleteIfExists(fileOf(tenantId));
    } catch (IOException e) {
      throw new KeyStoreException("cannot destroy tenant key", e);
    }
  }

  @Override
  public void check() {
    try {
      byte[] probe = "key-store-check".getBytes(StandardCharsets.UTF_8);
      master.decrypt(master.encrypt(probe, probe), probe);
      Path marker = Files.createTempFile(tenantsDir, ".check", ".tmp");
      Files.delete(marker);
    } catch (IOException | GeneralSecurityException e) {
      throw new KeyStoreException("key store unusable", e);
    }
  }

  private Path fileOf(String tenantId) {
    if (!TENANT_ID.matcher(tenantId).matches()) {
      throw new IllegalArgumentException("malformed tenant id");
    }
    return tenantsDir.resolve(tenantId + ".json");
  }

  /** Binds each wrapped keyset to its tenant, so a file copied to another name will not load. */
  private static byte[] associatedData(String tenantId) {
    return ("kursfilm-kek|" + tenantId).getBytes(StandardCharsets.UTF_8);
  }

  /** Writes via a temp file and an atomic move, readable by the owner only. */
  private static void writePrivately(Path file, String content) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), ".new", ".tmp");
    try {
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
