package io.kursfilm.platform.control;

import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.storage.keys.LocalKeyStore;
import io.kursfilm.storage.keys.TenantKeys;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.objects.ObjectStoreSettings;
import io.kursfilm.transcoder.FfmpegInstallation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the plain-Java storage and transcoder services from MicroProfile Config, once per
 * application. Produced as {@code @Singleton} because these classes are not proxyable. Defaults are
 * documented in META-INF/microprofile-config.properties.
 */
@ApplicationScoped
public class StorageWiring {

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
  @ConfigProperty(name = "kursfilm.keystore.dir")
  String keyStoreDir;

  @Inject
  @ConfigProperty(name = "kursfilm.keystore.create-master")
  boolean createMaster;

  @Inject
  @ConfigProperty(name = "kursfilm.keystore.cache-ttl")
  Duration kekCacheTtl;

  @Inject
  @ConfigProperty(name = "kursfilm.ffmpeg.path")
  String ffmpeg;

  @Inject
  @ConfigProperty(name = "kursfilm.ffprobe.path")
  String ffprobe;

  @Produces
  @Singleton
  ObjectStore objectStore() {
    return new ObjectStore(
        new ObjectStoreSettings(s3Endpoint, s3AccessKey, s3SecretKey, bucketPrefix, s3Timeout));
  }

  @Produces
  @Singleton
  TenantKeys tenantKeys() {
    return new LocalKeyStore(Path.of(keyStoreDir), createMaster, kekCacheTtl, Clock.systemUTC());
  }

  @Produces
  @Singleton
  FieldCipher fieldCipher(TenantKeys keys) {
    return new FieldCipher(keys);
  }

  @Produces
  @Singleton
  FfmpegInstallation ffmpeg() {
    return new FfmpegInstallation(Path.of(ffmpeg), Path.of(ffprobe));
  }
}
