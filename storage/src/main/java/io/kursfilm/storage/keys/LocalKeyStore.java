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
import io.kursfilm.storage.keys.kms.TenantKmsKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The key store: a directory of its own (never inside the database or the object store) holding one
 * Tink keyset per tenant in {@code tenants/<tenantId>.json}, each encrypted under a master AEAD.
 * The master is the local {@code master-keyset.json} by default, or any AEAD from {@link
 * io.kursfilm.storage.keys.kms.MasterKeys} (a cloud KMS, Vault Transit) in production. One instance
 * per application, thread-safe.
 *
 * <p>With {@link TenantKmsKeys} (a KMS master), each tenant's keyset is wrapped by a KMS key of its
 * own instead, created with the tenant and deleted by {@link #destroy}, so that an old copy of the
 * key file opens nothing after a shred; the file names that key ({@link TenantKeyFile}). A keyset
 * written under the master before (an existing tenant) still loads, and moves to a key of its own
 * at its next {@link #rotate}; until then its destruction deletes only the file.
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
  private final Optional<TenantKmsKeys> tenantKms;
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
    this(directory, master, Optional.empty(), cacheTtl, clock, CACHED_KEKS);
  }

  /**
   * As above, wrapping each tenant's keyset with a KMS key of its own from {@code tenantKms} when
   * present (see the class comment); the master then wraps only the platform keysets and the
   * keysets of tenants created before.
   */
  public LocalKeyStore(
      Path directory,
      Aead master,
      Optional<TenantKmsKeys> tenantKms,
      Duration cacheTtl,
      Clock clock) {
    this(directory, master, tenantKms, cacheTtl, clock, CACHED_KEKS);
  }

  /** As above, keeping at most {@code cachedKeks} KEKs unwrapped; for tests of the bound. */
  LocalKeyStore(
      Path directory,
      Aead master,
      Optional<TenantKmsKeys> tenantKms,
      Duration cacheTtl,
      Clock clock,
      int cachedKeks) {
    this.directory = directory;
    this.tenantsDir = directory.resolve(TENANTS_DIR);
    this.master = master;
    this.tenantKms = tenantKms;
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
    Optional<String> kmsKey = Optional.empty();
    try {
      if (tenantKms.isPresent()) {
        kmsKey = Optional.of(tenantKms.get().create(tenantId));
      }
      KeysetHandle kek = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      write(tenantId, kmsKey, kek);
      return Integer.toUnsignedString(kek.getPrimary().getId());
    } catch (IOException | GeneralSecurityException e) {
      KeyStoreException failure = new KeyStoreException("cannot create tenant key", e);
      // No file names the new KMS key, so nothing else would ever delete it.
      kmsKey.ifPresent(uri -> deleteKmsKey(uri, failure));
      throw failure;
    }
  }

  private void deleteKmsKey(String uri, KeyStoreException failure) {
    try {
      tenantKms.orElseThrow().delete(uri);
    } catch (GeneralSecurityException | RuntimeException e) {
      failure.addSuppressed(e);
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
      return unwrap(tenantId, load(tenantId)).getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new KeyStoreException("cannot load tenant key", e);
    }
  }

  @Override
  public void forget(String tenantId) {
    cache.invalidate(tenantId);
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
      TenantKeyFile file = loadOrForget(tenantId);
      KeysetHandle rotated =
          KeysetHandle.newBuilder(unwrap(tenantId, file)).addEntry(fresh).build();
      Optional<String> kmsKey = file.kmsKey();
      if (kmsKey.isEmpty() && tenantKms.isPresent()) {
        // A keyset from before tenants had KMS keys leaves the shared master here.
        kmsKey = Optional.of(tenantKms.get().create(tenantId));
      }
      write(tenantId, kmsKey, rotated);
      cache.invalidate(tenantId);
      return Integer.toUnsignedString(rotated.getPrimary().getId());
    } catch (IOException | GeneralSecurityException e) {
      throw new KeyStoreException("cannot rotate tenant key", e);
    }
  }

  /** {@inheritDoc} The tenant's KMS key, if any, is listed last by its URI. */
  @Override
  public List<String> keyIds(String tenantId) {
    TenantKeyFile file = loadOrForget(tenantId);
    KeysetHandle handle = unwrap(tenantId, file);
    List<String> ids = new ArrayList<>(handle.size() + 1);
    for (int i = 0; i < handle.size(); i++) {
      ids.add(Integer.toUnsignedString(handle.getAt(i).getId()));
    }
    file.kmsKey().ifPresent(ids::add);
    return List.copyOf(ids);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The tenant's KMS key is deleted before the file: if that fails, the file still names the key
   * for the retry; a retry after the key is gone only deletes the file.
   */
  @Override
  public synchronized void destroy(String tenantId) {
    Path file = fileOf(tenantId);
    try {
      if (Files.exists(file)) {
        Optional<String> kmsKey =
            TenantKeyFile.parse(Files.readString(file, StandardCharsets.UTF_8)).kmsKey();
        if (kmsKey.isPresent()) {
          kms().delete(kmsKey.get());
        }
      }
      Files.deleteIfExists(file);
    } catch (IOException | GeneralSecurityException e) {
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
   * {@link #load}, first forgetting the cached KEK when the keyset is gone (e.g. deleted by a
   * restore). Not for the cache's own loader, which must not change the cache it loads into.
   */
  private TenantKeyFile loadOrForget(String tenantId) {
    if (!Files.exists(fileOf(tenantId))) {
      cache.invalidate(tenantId);
    }
    return load(tenantId);
  }

  /** Reads the tenant's key file; fails when it is missing or destroyed. */
  private TenantKeyFile load(String tenantId) {
    Path file = fileOf(tenantId);
    if (!Files.exists(file)) {
      throw new KeyStoreException("tenant key missing or destroyed");
    }
    try {
      return TenantKeyFile.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new KeyStoreException("cannot load tenant key", e);
    }
  }

  /** Unwraps the keyset with the tenant's KMS key or the master; fails once that key is gone. */
  private KeysetHandle unwrap(String tenantId, TenantKeyFile file) {
    try {
      return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
          file.encryptedKeyset(), wrapper(file.kmsKey()), associatedData(tenantId));
    } catch (GeneralSecurityException e) {
      throw new KeyStoreException("cannot load tenant key", e);
    }
  }

  private void write(String tenantId, Optional<String> kmsKey, KeysetHandle keyset)
      throws IOException, GeneralSecurityException {
    String encrypted =
        TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(
            keyset, wrapper(kmsKey), associatedData(tenantId));
    MasterKeyFile.writePrivately(fileOf(tenantId), new TenantKeyFile(kmsKey, encrypted).toJson());
  }

  private Aead wrapper(Optional<String> kmsKey) throws GeneralSecurityException {
    return kmsKey.isPresent() ? kms().aead(kmsKey.get()) : master;
  }

  private TenantKmsKeys kms() {
    return tenantKms.orElseThrow(
        () ->
            new KeyStoreException("tenant key is wrapped by a KMS key, but no KMS is configured"));
  }

  private Path fileOf(String tenantId) {
    return tenantsDir.resolve(TenantIds.fileName(tenantId));
  }

  /** Binds each wrapped keyset to its tenant, so a file copied to another name will not load. */
  static byte[] associatedData(String tenantId) {
    return ("kursfilm-kek|" + tenantId).getBytes(StandardCharsets.UTF_8);
  }
}
