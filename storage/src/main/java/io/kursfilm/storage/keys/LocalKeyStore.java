package io.kursfilm.storage.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.kursfilm.storage.keys.kms.MasterKeyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The key store: a directory of its own (never inside the database or the object store) holding one
 * Tink keyset per tenant in {@code tenants/<tenantId>.json}, each encrypted under a master AEAD.
 * The master is the local {@code master-keyset.json} by default, or any AEAD from {@link
 * io.kursfilm.storage.keys.kms.MasterKeys} (a cloud KMS, Vault Transit) in production. One instance
 * per application, thread-safe.
 *
 * <p>Unwrapped KEKs are cached in memory (Caffeine) for {@code cacheTtl} after they were loaded, at
 * most {@link #CACHED_KEKS} of them, and evicted at once on rotate and destroy, so a shredded
 * tenant's KEK does not outlive its keyset in memory.
 */
public class LocalKeyStore implements TenantKeys {

  /** The local master keyset's file name inside the key-store directory. */
  public static final String MASTER_FILE = "master-keyset.json";

  /** The sub-directory holding the wrapped tenant keysets; the only part that is backed up. */
  public static final String TENANTS_DIR = "tenants";

  /** Tenants whose KEK is kept unwrapped at once; more are unwrapped again on use. */
  public static final int CACHED_KEKS = 10_000;

  private final Path directory;
  private final Path tenantsDir;
  private final Aead master;
  private final Cache<String, Aead> cache;

  /**
   * Opens the key store in {@code directory} with the local master keyset file, creating it on
   * first use when {@code createMaster} is set.
   */
  public LocalKeyStore(Path directory, boolean createMaster, Duration cacheTtl, Clock clock) {
    this(directory, localMaster(directory, createMaster), cacheTtl, clock);
  }

  /**
   * Opens the key store in {@code directory} with a master AEAD from elsewhere, typically {@link
   * io.kursfilm.storage.keys.kms.MasterKeys#fromUri}. No master file is read or written.
   */
  public LocalKeyStore(Path directory, Aead master, Duration cacheTtl, Clock clock) {
    this(directory, master, cacheTtl, clock, CACHED_KEKS);
  }

  /** As above, keeping at most {@code cachedKeks} KEKs unwrapped; for tests of the bound. */
  LocalKeyStore(Path directory, Aead master, Duration cacheTtl, Clock clock, int cachedKeks) {
    this.directory = directory;
    this.tenantsDir = directory.resolve(TENANTS_DIR);
    this.master = master;
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(cachedKeks)
            .expireAfterWrite(cacheTtl)
            .ticker(ClockTicker.of(clock))
            .build();
    try {
      AeadConfig.register();
      Files.createDirectories(tenantsDir);
    } catch (IOException | GeneralSecurityException e) {
      throw new KeyStoreException("cannot open key store", e);
    }
  }

  private static Aead localMaster(Path directory, boolean create) {
    try {
      Files.createDirectories(directory);
      return MasterKeyFile.open(directory.resolve(MASTER_FILE), create);
    } catch (IOException | GeneralSecurityException e) {
      throw new KeyStoreException("cannot open key store: master keyset unusable", e);
    }
  }

  @Override
  public synchronized String create(String tenantId) {
    Path file = fileOf(tenantId);
    if (Files.exists(file)) {
      throw new KeyStoreException("tenant key already exists");
    }
    try {
      KeysetHandle kek = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      write(tenantId, kek);
      return Integer.toUnsignedString(kek.getPrimary().getId());
    } catch (IOException | GeneralSecurityException e) {
      throw new KeyStoreException("cannot create tenant key", e);
    }
  }

  /** The platform's own keysets, wrapped by this store's master and backed up with it. */
  public PlatformKeysets platformKeysets() {
    return new PlatformKeysets(directory, master);
  }

  @Override
  public boolean exists(String tenantId) {
    return Files.exists(fileOf(tenantId));
  }

  @Override
  public Aead kek(String tenantId) {
    return cache.get(tenantId, this::unwrap);
  }

  private Aead unwrap(String tenantId) {
    try {
      return read(tenantId).getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new KeyStoreException("cannot load tenant key", e);
    }
  }

  /** KEKs currently kept unwrapped, after pending evictions ran; for tests. */
  long cachedKeks() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Synchronized with {@link #create} and {@link #destroy} so that two rotations cannot lose one
   * another's key and a rotation cannot resurrect a destroyed keyset.
   */
  @Override
  public synchronized String rotate(String tenantId) {
    try {
      KeysetHandle.Builder.Entry fresh =
          KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
              .withRandomId()
              .makePrimary();
      KeysetHandle rotated =
          KeysetHandle.newBuilder(readOrForget(tenantId)).addEntry(fresh).build();
      write(tenantId, rotated);
      cache.invalidate(tenantId);
      return Integer.toUnsignedString(rotated.getPrimary().getId());
    } catch (IOException | GeneralSecurityException e) {
      throw new KeyStoreException("cannot rotate tenant key", e);
    }
  }

  @Override
  public List<String> keyIds(String tenantId) {
    KeysetHandle handle = readOrForget(tenantId);
    List<String> ids = new ArrayList<>(handle.size());
    for (int i = 0; i < handle.size(); i++) {
      ids.add(Integer.toUnsignedString(handle.getAt(i).getId()));
    }
    return List.copyOf(ids);
  }

  @Override
  public synchronized void destroy(String tenantId) {
    try {
      Files.deleteIfExists(fileOf(tenantId));
    } catch (IOException e) {
      throw new KeyStoreException("cannot destroy tenant key", e);
    } finally {
      // After the delete: a load racing with it either finished first (and is dropped here) or
      // finds no file; before it, a racing load could cache the KEK again for a whole TTL.
      cache.invalidate(tenantId);
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

  /**
   * {@link #read}, first forgetting the cached KEK when the keyset is gone (e.g. deleted by a
   * restore). Not for the cache's own loader, which must not change the cache it loads into.
   */
  private KeysetHandle readOrForget(String tenantId) {
    if (!Files.exists(fileOf(tenantId))) {
      cache.invalidate(tenantId);
    }
    return read(tenantId);
  }

  /** Reads and unwraps the tenant's keyset; fails when it is missing or destroyed. */
  private KeysetHandle read(String tenantId) {
    Path file = fileOf(tenantId);
    if (!Files.exists(file)) {
      throw new KeyStoreException("tenant key missing or destroyed");
    }
    try {
      return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
          Files.readString(file, StandardCharsets.UTF_8), master, associatedData(tenantId));
    } catch (IOException | GeneralSecurityException e) {
      throw new KeyStoreException("cannot load tenant key", e);
    }
  }

  private void write(String tenantId, KeysetHandle keyset)
      throws IOException, GeneralSecurityException {
    MasterKeyFile.writePrivately(
        fileOf(tenantId),
        TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(
            keyset, master, associatedData(tenantId)));
  }

  private Path fileOf(String tenantId) {
    return tenantsDir.resolve(TenantIds.fileName(tenantId));
  }

  /** Binds each wrapped keyset to its tenant, so a file copied to another name will not load. */
  private static byte[] associatedData(String tenantId) {
    return ("kursfilm-kek|" + tenantId).getBytes(StandardCharsets.UTF_8);
  }
}
