package io.kursfilm.storage.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.kursfilm.storage.keys.kms.MasterKeyFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * Replaces the local master keyset of a key store ({@code master-keyset.json}) with a new one:
 * every tenant and platform keyset is re-wrapped under the new master, then the old one is
 * overwritten and deleted, so old copies of the key files (and key-store backups taken before) open
 * nothing. Run by {@code infra/rotate-master} while no app node or worker holds the store ({@link
 * KeyStoreLock}).
 *
 * <p>Crash-safe without a staging copy: the new key is first added to the master keyset as its
 * primary, so the master opens files under either key; each file is then re-wrapped on its own,
 * atomically; only when every file opens under the new key alone is the old key dropped. A run
 * interrupted anywhere leaves every keyset openable, and running again finishes the rotation.
 */
public final class MasterRotation {

  /** Second name of the master file's old content while it is replaced, then overwritten. */
  static final String OLD_MASTER = LocalKeyStore.MASTER_FILE + ".old";

  private final Path dir;
  private final Path masterFile;

  /** How many tenant and platform keysets the new master wraps. */
  public record Result(int tenants, int platformKeysets) {}

  public MasterRotation(Path keyStoreDir) {
    this.dir = keyStoreDir;
    this.masterFile = keyStoreDir.resolve(LocalKeyStore.MASTER_FILE);
  }

  /**
   * Rotates the master, or finishes a rotation that was interrupted.
   *
   * @throws KeyStoreException when the store is in use, has no local master, or a keyset opens
   *     under neither key (then the old key is kept and the message names the file)
   */
  public Result run() {
    try (KeyStoreLock lock = KeyStoreLock.exclusive(dir)) {
      AeadConfig.register();
      if (!Files.isRegularFile(masterFile)) {
        throw new KeyStoreException(
            "no local master keyset in the key store (a KMS master is rotated in the KMS)");
      }
      shredLeftovers();
      KeysetHandle master = readMaster();
      if (master.size() == 1) {
        master =
            KeysetHandle.newBuilder(master)
                .addEntry(
                    KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId()
                        .makePrimary())
                .build();
        replaceMaster(master);
      }
      // Else an interrupted run: its new key is the primary, and the files it re-wrapped open.
      KeysetHandle fresh = primaryOnly(master);
      Aead either = master.getPrimitive(RegistryConfiguration.get(), Aead.class);
      Aead onlyNew = fresh.getPrimitive(RegistryConfiguration.get(), Aead.class);
      int tenants =
          rewrapAll(
              dir.resolve(LocalKeyStore.TENANTS_DIR),
              LocalKeyStore::associatedData,
              either,
              onlyNew);
      int platform =
          rewrapAll(
              dir.resolve(PlatformKeysets.DIR), PlatformKeysets::associatedData, either, onlyNew);
      replaceMaster(fresh);
      return new Result(tenants, platform);
    } catch (IOException | GeneralSecurityException e) {
      throw new KeyStoreException("master rotation failed; run it again to finish", e);
    }
  }

  private KeysetHandle readMaster() throws IOException, GeneralSecurityException {
    return TinkJsonProtoKeysetFormat.parseKeyset(
        Files.readString(masterFile, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
  }

  private static KeysetHandle primaryOnly(KeysetHandle master) throws GeneralSecurityException {
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(master);
    for (int i = builder.size() - 1; i >= 0; i--) {
      if (!builder.getAt(i).isPrimary()) {
        builder.deleteAt(i);
      }
    }
    return builder.build();
  }

  /**
   * Re-wraps every keyset in {@code keysets} that does not yet open under the new key alone.
   * Returns how many keysets the directory holds (wrapped by the master).
   */
  private static int rewrapAll(
      Path keysets, Function<String, byte[]> associatedData, Aead either, Aead onlyNew)
      throws IOException, GeneralSecurityException {
    if (!Files.isDirectory(keysets)) {
      return 0;
    }
    int count = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(keysets, "*.json")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        String json = Files.readString(file, StandardCharsets.UTF_8);
        if (TenantKeyFile.parse(json).kmsKey().isPresent()) {
          continue; // wrapped by the tenant's own KMS key, not by the master
        }
        byte[] ad = associatedData.apply(name.substring(0, name.length() - ".json".length()));
        if (!opens(json, onlyNew, ad)) {
          KeysetHandle keyset = unwrap(json, either, ad, keysets.getFileName() + "/" + name);
          MasterKeyFile.writePrivately(
              file, TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, onlyNew, ad));
        }
        count++;
      }
    }
    return count;
  }

  private static boolean opens(String json, Aead master, byte[] ad) {
    try {
      TinkJsonProtoKeysetFormat.parseEncryptedKeyset(json, master, ad);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static KeysetHandle unwrap(String json, Aead master, byte[] ad, String file) {
    try {
      return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(json, master, ad);
    } catch (GeneralSecurityException e) {
      // The id in the name is no secret; the operator must know which file keeps the old key.
      throw new KeyStoreException(
          file + " opens under neither the old nor the new master; the old master is kept", e);
    }
  }

  /**
   * Writes {@code master} atomically over the master file, then overwrites and deletes the old
   * content, reached through a second name (a hard link) since the atomic replace only unlinks it.
   */
  private void replaceMaster(KeysetHandle master) throws IOException, GeneralSecurityException {
    Path old = dir.resolve(OLD_MASTER);
    Files.createLink(old, masterFile);
    MasterKeyFile.writePrivately(
        masterFile,
        TinkJsonProtoKeysetFormat.serializeKeyset(master, InsecureSecretKeyAccess.get()));
    shred(old);
  }

  /**
   * What a crash can leave with an old master key in it: the second name of the old content
   * (shredded, unless the replace did not happen yet and it is the live file) and the temp file of
   * an unfinished master write.
   */
  private void shredLeftovers() throws IOException {
    Path old = dir.resolve(OLD_MASTER);
    if (Files.exists(old)) {
      if (Files.isSameFile(old, masterFile)) {
        Files.delete(old);
      } else {
        shred(old);
      }
    }
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, ".new*.tmp")) {
      for (Path temp : temps) {
        shred(temp);
      }
    }
  }

  /**
   * Overwrites the file with random bytes, flushed, before deleting it. On flash storage and
   * copy-on-write file systems the old blocks may survive; see the README.
   */
  private static void shred(Path file) throws IOException {
    byte[] noise = new byte[(int) Files.size(file)];
    new SecureRandom().nextBytes(noise);
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.wrap(noise);
      while (bytes.hasRemaining()) {
        out.write(bytes, bytes.position());
      }
      out.force(true);
    }
    Files.delete(file);
    MasterKeyFile.syncDirectory(file.getParent());
  }

  /**
   * {@code java -cp kursfilm-transcoder-*-worker.jar io.kursfilm.storage.keys.MasterRotation
   * KEY_STORE_DIR [KEY_BACKUP_DIR]}: rotates, then takes a key-store backup into {@code
   * KEY_BACKUP_DIR} if given, since every backup taken before is useless now.
   */
  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: MasterRotation KEY_STORE_DIR [KEY_BACKUP_DIR]");
      System.exit(2);
    }
    Path keyStore = Path.of(args[0]);
    try {
      Result result = new MasterRotation(keyStore).run();
      System.out.println(
          "re-wrapped "
              + result.tenants()
              + " tenant keysets and "
              + result.platformKeysets()
              + " platform keysets under a new master; the old master is destroyed");
      if (args.length == 2) {
        // Only backup() is called: retention and interval are the app's to apply at its runs.
        Path backup =
            new KeyStoreBackup(
                    keyStore, Path.of(args[1]), Duration.ZERO, Duration.ZERO, Clock.systemUTC())
                .backup();
        System.out.println("key-store backup under the new master: " + backup);
      }
    } catch (KeyStoreException e) {
      System.err.println(e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause()));
      System.exit(1);
    }
  }
}
