package io.kursfilm.storage.keys;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The lock file {@code .in-use.lock} in the key store that tells a master rotation whether a node
 * has the key store open. Every app node and standalone worker holds a shared lock on it for the
 * life of its process ({@link #holdShared}); {@link MasterRotation} takes it exclusively and so
 * refuses to run while any of them runs on this host (or shares the directory over a file system
 * with POSIX locks, such as NFSv4), and they refuse to start while it runs.
 *
 * <p>Java file locks belong to the whole JVM, and a second lock on the same file in one JVM throws,
 * so the shared lock is taken once per JVM and directory and kept until the JVM exits.
 */
public final class KeyStoreLock implements AutoCloseable {

  /** The lock file's name inside the key-store directory. */
  public static final String FILE = ".in-use.lock";

  private static final Map<Path, FileLock> HELD = new HashMap<>();

  private final FileLock lock;

  private KeyStoreLock(FileLock lock) {
    this.lock = lock;
  }

  /**
   * Holds the shared lock on {@code keyStoreDir} until this JVM exits.
   *
   * @throws KeyStoreException while a master rotation runs
   */
  public static synchronized void holdShared(Path keyStoreDir) {
    Path dir = keyStoreDir.toAbsolutePath().normalize();
    if (HELD.containsKey(dir)) {
      return;
    }
    try {
      HELD.put(dir, tryLock(dir, true));
    } catch (OverlappingFileLockException e) {
      // Another class loader of this JVM (a redeployed app) holds it already: that hold counts.
      return;
    }
  }

  /**
   * Takes the exclusive lock on {@code keyStoreDir} for a master rotation; release it with {@link
   * #close}.
   *
   * @throws KeyStoreException while an app node or worker holds the key store
   */
  static KeyStoreLock exclusive(Path keyStoreDir) {
    try {
      return new KeyStoreLock(tryLock(keyStoreDir.toAbsolutePath().normalize(), false));
    } catch (OverlappingFileLockException e) {
      throw new KeyStoreException(inUse(false));
    }
  }

  private static FileLock tryLock(Path dir, boolean shared) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(FILE);
      // A shared lock needs only read access, so a worker with a read-only mount of an existing
      // key store still starts; an exclusive one needs write access.
      FileChannel channel =
          shared && Files.exists(file)
              ? FileChannel.open(file, StandardOpenOption.READ)
              : FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock(0, Long.MAX_VALUE, shared);
      } catch (OverlappingFileLockException e) {
        channel.close();
        throw e;
      }
      if (lock == null) {
        channel.close();
        throw new KeyStoreException(inUse(shared));
      }
      return lock;
    } catch (IOException e) {
      throw new KeyStoreException("cannot lock the key store", e);
    }
  }

  private static String inUse(boolean shared) {
    return shared
        ? "the key store's master is being rotated (infra/rotate-master); start after it ends"
        : "the key store is in use by a running app node or worker; stop them first";
  }

  @Override
  public void close() {
    try {
      lock.channel().close();
    } catch (IOException e) {
      throw new KeyStoreException("cannot release the key-store lock", e);
    }
  }
}
