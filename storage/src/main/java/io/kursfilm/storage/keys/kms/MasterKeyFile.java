package io.kursfilm.storage.keys.kms;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * The local default master key: a cleartext Tink AEAD keyset in a file next to the key store. It is
 * only as safe as the file's permissions, which is why production points {@link MasterKeys} at a
 * KMS instead. Stateless; {@link #open} reads the file once and returns the primitive.
 */
public final class MasterKeyFile {

  private MasterKeyFile() {}

  /**
   * Loads the master keyset from {@code file}; when it is missing, generates one if {@code create}
   * is set and fails otherwise.
   */
  public static Aead open(Path file, boolean create) throws IOException, GeneralSecurityException {
    AeadConfig.register();
    if (!Files.exists(file)) {
      if (!create) {
        throw new GeneralSecurityException("master keyset missing and creation disabled");
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      writePrivately(
          file, TinkJsonProtoKeysetFormat.serializeKeyset(fresh, InsecureSecretKeyAccess.get()));
    }
    KeysetHandle handle =
        TinkJsonProtoKeysetFormat.parseKeyset(
            Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
    return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  /**
   * Writes via a temp file and an atomic move, readable by the owner only, so a crash never leaves
   * a half-written keyset and other local users never see one. The content and the directory entry
   * are flushed to disk before it returns: a master rotation relies on a keyset written before
   * another to be there after a power cut.
   */
  public static void writePrivately(Path file, String content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".new", ".tmp");
    try {
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      }
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        out.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory(dir);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Flushes a directory's entries (Linux); where a directory cannot be opened, the OS decides. */
  public static void syncDirectory(Path dir) {
    try (FileChannel entries = FileChannel.open(dir, StandardOpenOption.READ)) {
      entries.force(true);
    } catch (IOException e) {
      // Not supported on this platform: nothing more we can do.
    }
  }
}
