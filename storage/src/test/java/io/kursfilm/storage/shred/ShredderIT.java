package io.kursfilm.storage.shred;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.storage.keys.KeyStoreBackup;
import io.kursfilm.storage.keys.LocalKeyStore;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.sealed.CiphertextCache;
import io.kursfilm.storage.sealed.SealedObject;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.storage.testing.LocalS3;
import io.minio.MinioAsyncClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a shred, nothing of the tenant can be read anywhere: not through the app, not from the raw
 * key store or the S3 data directory, and not from a copy of its ciphertext taken before.
 */
class ShredderIT {

  @TempDir static Path dir;
  static LocalS3 s3;
  static ObjectStore store;

  @BeforeAll
  static void start() throws Exception {
    s3 = new LocalS3(dir.resolve("s3"), 0).start();
    store = new ObjectStore(s3.settings("kf-shred"));
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @Test
  void shredded_tenant_is_unreadable_everywhere_and_the_certificate_says_so() throws Exception {
    Path keyDir = dir.resolve("keys");
    LocalKeyStore keys = new LocalKeyStore(keyDir, true, Duration.ofMinutes(5), Clock.systemUTC());
    KeyStoreBackup backup =
        new KeyStoreBackup(
            keyDir,
            dir.resolve("key-backups"),
            Duration.ofDays(30),
            Duration.ZERO,
            Clock.systemUTC());
    FieldCipher fields = new FieldCipher(keys, Duration.ofMinutes(5), Clock.systemUTC());
    CiphertextCache playbackCache = new CiphertextCache(64 << 20);
    SealedObjects sealed = new SealedObjects(store, keys, 4 << 20, Thread::new, playbackCache);
    Shredder shredder = new Shredder(keys, backup, store, fields, playbackCache, Clock.systemUTC());
    keys.create("leaving");
    keys.rotate("leaving");
    keys.create("staying");
    String canary = "CANARY-" + UUID.randomUUID();
    byte[] plaintext = withCanary(canary, 3 * 1024 * 1024 + 5);
    for (String id : List.of("video-1", "video-2", "caption-1")) {
      sealed.seal("leaving", id, new ByteArrayInputStream(plaintext));
    }
    SealedObject staying = sealed.seal("staying", "video-1", new ByteArrayInputStream(plaintext));
    SealedObject segment =
        sealed.seal("leaving", "segment-1", new ByteArrayInputStream(new byte[600_000]));
    readAll(sealed.openRange(segment, 0, 600_000));
    readAll(sealed.openRange(staying, 0, 10));
    String sealedName = fields.encrypt("leaving", "user.email", canary + "@leaving.example");
    byte[] stolenCopy = readAll(store.get("leaving", "video-1"));
    String wrappedKeyset = Files.readString(keyDir.resolve("tenants/leaving.json"));
    List<String> keyIds = keys.keyIds("leaving");
    startIncompleteUpload("leaving", "video-3");
    backup.run();
    assertTrue(
        filesContaining(dir.resolve("s3"), canary).isEmpty(), "ciphertext only, even before");

    ShredCertificate certificate = shredder.shred("leaving");

    assertEquals("leaving", certificate.tenantId());
    assertEquals(keyIds, certificate.keyIdsDestroyed());
    assertEquals(2, certificate.keyIdsDestroyed().size());
    assertEquals(4, certificate.objectsDeleted());
    assertEquals(staying.ciphertextSize(), playbackCache.bytes(), "only the staying one cached");
    assertEquals(1, certificate.incompleteUploadsAborted());
    assertEquals(
        backup.keyGoneFromBackupsAfter(certificate.keysDestroyedAt()),
        certificate.noBackupHoldsKeyAfter());
    assertTrue(
        certificate.noBackupHoldsKeyAfter().isAfter(Instant.now().plus(Duration.ofDays(29))));

    assertTrue(store.list("leaving", "").isEmpty());
    assertTrue(store.listIncompleteUploads("leaving", "").isEmpty());
    store.put("leaving", "video-1", new ByteArrayInputStream(stolenCopy));
    assertThrows(RuntimeException.class, () -> readAll(sealed.open("leaving", "video-1")));
    assertThrows(RuntimeException.class, () -> fields.decrypt("leaving", "user.email", sealedName));
    assertTrue(
        filesContaining(keyDir, wrappedKeyset).isEmpty(), "no key material in the key store");
    assertTrue(filesContaining(dir.resolve("s3"), wrappedKeyset).isEmpty(), "none in S3 either");
    assertTrue(filesContaining(dir.resolve("s3"), canary).isEmpty(), "no plaintext in S3");
    assertFalse(
        filesContaining(dir.resolve("key-backups"), wrappedKeyset).isEmpty(),
        "the backup still holds it until the certificate's date");
    assertEquals(1, backup.purgeTenant("leaving"));
    assertTrue(filesContaining(dir.resolve("key-backups"), wrappedKeyset).isEmpty());

    assertArrayEquals(plaintext, readAll(sealed.open("staying", "video-1")), "others untouched");
    ShredCertificate again = shredder.shred("leaving");
    assertTrue(again.keyIdsDestroyed().isEmpty(), "repeating a shred only finishes the clean-up");
  }

  private static byte[] withCanary(String canary, int size) {
    byte[] data = new byte[size];
    new Random(7).nextBytes(data);
    byte[] mark = canary.getBytes(StandardCharsets.US_ASCII);
    for (int at = 0; at + mark.length < size; at += 1024 * 1024) {
      System.arraycopy(mark, 0, data, at, mark.length);
    }
    return data;
  }

  private void startIncompleteUpload(String tenant, String key) throws Exception {
    store.ensureBucket(tenant);
    MinioAsyncClient.builder()
        .endpoint(s3.endpoint().toString())
        .credentials(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)
        .build()
        .createMultipartUploadAsync(store.bucketOf(tenant), null, key, null, null)
        .get();
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  /** Files under {@code root} whose bytes contain {@code needle}. */
  static List<Path> filesContaining(Path root, String needle) throws IOException {
    byte[] pattern = needle.getBytes(StandardCharsets.UTF_8);
    List<Path> hits = new ArrayList<>();
    if (!Files.exists(root)) {
      return hits;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (indexOf(Files.readAllBytes(file), pattern) >= 0) {
          hits.add(file);
        }
      }
    }
    return hits;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
