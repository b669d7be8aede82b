package io.kursfilm.audit.control;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import io.kursfilm.storage.keys.PlatformKeysets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's checkpoint signing key: an Ed25519 keyset wrapped by the key store's master (like
 * tenant keys) and backed up with them. Created only on a first start, i.e. while neither the key
 * store holds a tenant key nor any checkpoint exists; missing later, it is reported (readiness
 * {@code audit-signing} goes DOWN, no checkpoint is written) instead of silently replaced, because
 * a new key would let whoever deleted the old one re-sign a rewritten log. With {@code
 * kursfilm.audit.signing-public-key} set, checkpoints are verified against that pinned public key
 * only, so one signed by any other key fails.
 */
@ApplicationScoped
public class AuditSigningKey {

  /** Name of the keyset among the key store's platform keysets. */
  public static final String NAME = "audit-signing";

  /** The public keyset, written next to the key store for auditors to pin; not secret. */
  public static final String PUBLIC_FILE = "audit-signing-public.json";

  /** Where earlier versions kept the keyset in clear; moved into the wrapped store once. */
  static final String LEGACY_FILE = "audit-signing-keyset.json";

  private static final Logger LOG = Logger.getLogger(AuditSigningKey.class.getName());

  @Inject PlatformKeysets keysets;
  @Inject Checkpoints checkpoints;

  @Inject
  @ConfigProperty(name = "kursfilm.keystore.dir")
  String keyStoreDir;

  @Inject
  @ConfigProperty(name = "kursfilm.audit.signing-public-key")
  Optional<String> pinnedKey;

  private volatile CheckpointSigner signer;
  private volatile Predicate<Checkpoint> pinned;

  /** Loads the keyset at start-up, creating it on a first start only; never throws. */
  public synchronized void open() {
    pinned = pinnedKey.filter(k -> !k.isBlank()).map(CheckpointSigner::verifierOf).orElse(null);
    try {
      Optional<KeysetHandle> keyset = keysets.read(NAME).or(this::moveLegacyFile);
      if (keyset.isEmpty()) {
        if (keysets.keyStoreInUse() || checkpoints.anyStored()) {
          LOG.severe(
              "audit signing keyset missing from the key store although it is in use: restore"
                  + " it from the key-store backup; no checkpoint is written until then");
          return;
        }
        KeysetHandle fresh = CheckpointSigner.generate();
        keysets.store(NAME, fresh);
        LOG.info("audit signing keyset created (first start)");
        keyset = Optional.of(fresh);
      }
      signer = new CheckpointSigner(keyset.get());
      writePublicFile(signer.publicKeyset());
    } catch (RuntimeException e) {
      LOG.severe(() -> "audit signing keyset unusable: " + e);
    }
  }

  /**
   * {@link CheckpointSigner#fingerprint} of the public key checkpoints are verified with: the
   * pinned one, else the signing key's; {@code null} when there is neither.
   */
  public String verificationKeyFingerprint() {
    Optional<String> pin = pinnedKey.filter(k -> !k.isBlank());
    if (pin.isPresent()) {
      return CheckpointSigner.fingerprint(CheckpointSigner.json(pin.get()));
    }
    CheckpointSigner s = signer;
    return s == null ? null : CheckpointSigner.fingerprint(s.publicKeyset());
  }

  /** The signer; fails when the keyset is missing. */
  public CheckpointSigner signer() {
    CheckpointSigner s = signer;
    if (s == null) {
      throw new IllegalStateException("audit signing keyset missing");
    }
    return s;
  }

  /** Whether the pinned key, else the signing key, made {@code checkpoint}'s signature. */
  public boolean authentic(Checkpoint checkpoint) {
    if (pinned != null) {
      return pinned.test(checkpoint);
    }
    CheckpointSigner s = signer;
    return s != null && s.verify(checkpoint);
  }

  /**
   * For readiness: the keyset is loaded, still in the key store (so in its backups) and, when a
   * public key is pinned, its counterpart.
   *
   * @throws IllegalStateException naming what is wrong
   */
  public void check() {
    CheckpointSigner s = signer();
    KeysetHandle stored =
        keysets
            .read(NAME)
            .orElseThrow(() -> new IllegalStateException("audit signing keyset gone from store"));
    if (!new CheckpointSigner(stored).publicKeyset().equals(s.publicKeyset())) {
      throw new IllegalStateException("audit signing keyset in the store was replaced");
    }
    Checkpoint probe =
        s.sign(new Checkpoint("readiness", 1, 1, "probe", Instant.EPOCH, "probe", null));
    if (pinned != null && !pinned.test(probe)) {
      throw new IllegalStateException("audit signing key does not match the pinned public key");
    }
  }

  private Optional<KeysetHandle> moveLegacyFile() {
    Path legacy = Path.of(keyStoreDir).resolve(LEGACY_FILE);
    if (!Files.exists(legacy)) {
      return Optional.empty();
    }
    try {
      KeysetHandle keyset =
          TinkJsonProtoKeysetFormat.parseKeyset(
              Files.readString(legacy, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
      keysets.store(NAME, keyset);
      Files.delete(legacy);
      LOG.info("audit signing keyset moved into the key store, wrapped by its master");
      return Optional.of(keyset);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the audit signing keyset", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("audit signing keyset file unusable", e);
    }
  }

  private void writePublicFile(String publicKeyset) {
    Path file = Path.of(keyStoreDir).resolve(PUBLIC_FILE);
    try {
      if (!Files.exists(file)
          || !Files.readString(file, StandardCharsets.UTF_8).equals(publicKeyset)) {
        Files.writeString(file, publicKeyset, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      LOG.warning(() -> "cannot write " + PUBLIC_FILE + ": " + e);
    }
  }
}
