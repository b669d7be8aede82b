package io.kursfilm.platform.control;

import io.kursfilm.platform.boundary.Ungated;
import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.storage.keys.GatedTenantKeys;
import io.kursfilm.storage.keys.KeyStoreBackup;
import io.kursfilm.storage.keys.KeyStoreSettings;
import io.kursfilm.storage.keys.LocalKeyStore;
import io.kursfilm.storage.keys.PlatformKeysets;
import io.kursfilm.storage.keys.TenantGate;
import io.kursfilm.storage.keys.TenantKeys;
import io.kursfilm.storage.keys.TenantStates;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.objects.ObjectStoreSettings;
import io.kursfilm.storage.sealed.CiphertextCache;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.storage.shred.Shredder;
import io.kursfilm.transcoder.FfmpegInstallation;
import io.kursfilm.transcoder.ProcessSandbox;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the plain-Java storage and transcoder services from MicroProfile Config, once per
 * application. Produced as {@code @Singleton} because these classes are not proxyable. Defaults are
 * documented in META-INF/microprofile-config.properties.
 */
@ApplicationScoped
public class StorageWiring {

  /** Read-ahead threads of sealed uploads and downloads are the container's, not raw threads. */
  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "kursfilm.s3.endpoint")
  URI s3Endpoint;

  @Inject
  @ConfigProperty(name = "kursfilm.s3.access-key")
  String s3AccessKey;

  @Inject
  @ConfigProperty(name = "kursfilm.s3.secret-key")
  String s3SecretKey;

  @Inject
  @ConfigProperty(name = "kursfilm.s3.bucket-prefix")
  String bucketPrefix;

  @Inject
  @ConfigProperty(name = "kursfilm.s3.timeout")
  Duration s3Timeout;

  @Inject
  @ConfigProperty(name = "kursfilm.s3.max-connections")
  int s3MaxConnections;

  @Inject
  @ConfigProperty(name = "kursfilm.playback.ciphertext-cache-mb")
  long ciphertextCacheMb;

  @Inject
  @ConfigProperty(name = "kursfilm.keystore.dir")
  String keyStoreDir;

  @Inject
  @ConfigProperty(name = "kursfilm.keystore.create-master")
  boolean createMaster;

  @Inject
  @ConfigProperty(name = "kursfilm.keystore.master-uri")
  Optional<String> masterUri;

  @Inject
  @ConfigProperty(name = "kursfilm.keystore.vault-token")
  Optional<String> vaultToken;

  @Inject
  @ConfigProperty(name = "kursfilm.keystore.kms-credentials")
  Optional<String> kmsCredentials;

  @Inject
  @ConfigProperty(name = "kursfilm.keystore.backup.dir")
  String backupDir;

  @Inject
  @ConfigProperty(name = "kursfilm.keystore.backup.retention")
  Duration backupRetention;

  @Inject
  @ConfigProperty(name = "kursfilm.keystore.backup.interval")
  Duration backupInterval;

  @Inject
  @ConfigProperty(name = "kursfilm.keystore.cache-ttl")
  Duration kekCacheTtl;

  @Inject
  @ConfigProperty(name = "kursfilm.tenant.state-cache-ttl")
  Duration tenantStateTtl;

  @Inject
  @ConfigProperty(name = "kursfilm.ffmpeg.path")
  String ffmpeg;

  @Inject
  @ConfigProperty(name = "kursfilm.ffprobe.path")
  String ffprobe;

  @Inject
  @ConfigProperty(name = "kursfilm.transcode.sandbox")
  String sandbox;

  @Produces
  @Singleton
  ObjectStore objectStore() {
    return new ObjectStore(
        new ObjectStoreSettings(
            s3Endpoint, s3AccessKey, s3SecretKey, bucketPrefix, s3Timeout, s3MaxConnections));
  }

  private LocalKeyStore keyStore;

  /**
   * The tenant keys every component uses, behind the tenant gate, so no component can seal for an
   * off-boarding tenant or open anything of a shredded one.
   */
  @Produces
  @Singleton
  TenantKeys tenantKeys(TenantGate gate) {
    return new GatedTenantKeys(keyStore(), gate);
  }

  /**
   * The tenant keys without the gate: for the offboarding export job only (see {@link Ungated}),
   * which seals the export of a tenant the gate already refuses to seal for.
   */
  @Produces
  @Singleton
  @Ungated
  TenantKeys ungatedTenantKeys() {
    return keyStore();
  }

  /** Sealed objects over {@link #ungatedTenantKeys}: the export job's parts. */
  @Produces
  @Singleton
  @Ungated
  SealedObjects ungatedSealedObjects(ObjectStore store, @Ungated TenantKeys keys) {
    return new SealedObjects(store, keys, SealedObjects.DEFAULT_RANGE_READ_AHEAD, threads);
  }

  @Produces
  @Singleton
  TenantGate tenantGate(TenantStates states) {
    // The tenant component's reader (an EJB): it reads inside the caller's transaction if any.
    return new TenantGate(states, tenantStateTtl, Clock.systemUTC());
  }

  /** The platform's own keysets, wrapped by the same master as the tenant keys. */
  @Produces
  @Singleton
  PlatformKeysets platformKeysets() {
    return keyStore().platformKeysets();
  }

  /** One key store (one master, possibly a KMS client) for tenant and platform keysets. */
  private synchronized LocalKeyStore keyStore() {
    if (keyStore == null) {
      keyStore =
          new KeyStoreSettings(
                  Path.of(keyStoreDir),
                  masterUri,
                  createMaster,
                  vaultToken,
                  kmsCredentials,
                  kekCacheTtl)
              .open();
    }
    return keyStore;
  }

  @Produces
  @Singleton
  KeyStoreBackup keyStoreBackup() {
    return new KeyStoreBackup(
        Path.of(keyStoreDir),
        Path.of(backupDir),
        backupRetention,
        backupInterval,
        Clock.systemUTC());
  }

  @Produces
  @Singleton
  FieldCipher fieldCipher(TenantKeys keys) {
    return new FieldCipher(keys, kekCacheTtl, Clock.systemUTC());
  }

  /** Hot HLS files' ciphertext in memory, so popular videos are not read from S3 per viewer. */
  @Produces
  @Singleton
  CiphertextCache ciphertextCache() {
    return new CiphertextCache(ciphertextCacheMb << 20);
  }

  @Produces
  @Singleton
  SealedObjects sealedObjects(ObjectStore store, TenantKeys keys, CiphertextCache cache) {
    return new SealedObjects(store, keys, SealedObjects.DEFAULT_RANGE_READ_AHEAD, threads, cache);
  }

  @Produces
  @Singleton
  Shredder shredder(
      TenantKeys keys,
      KeyStoreBackup backup,
      ObjectStore store,
      FieldCipher fieldCipher,
      CiphertextCache ciphertexts) {
    return new Shredder(keys, backup, store, fieldCipher, ciphertexts, Clock.systemUTC());
  }

  @Produces
  @Singleton
  FfmpegInstallation ffmpeg() {
    return new FfmpegInstallation(Path.of(ffmpeg), Path.of(ffprobe), ProcessSandbox.of(sandbox));
  }
}
