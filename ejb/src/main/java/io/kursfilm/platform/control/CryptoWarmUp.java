package io.kursfilm.platform.control;

import io.kursfilm.storage.sealed.SealedObjects;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the streaming cipher through a few MiB at start-up, in the background, so that the JIT has
 * compiled the AES-GCM intrinsics before the first real upload or playback (a cold JVM decrypts
 * several times slower).
 */
@Singleton
@Startup
public class CryptoWarmUp {

  private static final Logger LOG = Logger.getLogger(CryptoWarmUp.class.getName());

  @Inject SealedObjects sealedObjects;

  @Resource ManagedExecutorService executor;

  @PostConstruct
  void start() {
    executor.execute(
        () -> {
          try {
            long started = System.nanoTime();
            sealedObjects.warmUp();
            LOG.info(
                () ->
                    "crypto warm-up done in " + (System.nanoTime() - started) / 1_000_000 + " ms");
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "crypto warm-up failed: {0}", e.toString());
          }
        });
  }
}
