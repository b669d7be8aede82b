package io.kursfilm.audit.control;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import io.kursfilm.storage.keys.kms.MasterKeyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Signs and verifies audit checkpoints with the platform's Ed25519 keyset. The private keyset lives
 * in the key store directory (owner-only file, created on first start, backed up with the key
 * store) and never in the database or the object store; the public keyset is written next to it so
 * auditors can check checkpoints without the application.
 */
public class CheckpointSigner {

  public static final String KEYSET_FILE = "audit-signing-keyset.json";
  public static final String PUBLIC_FILE = "audit-signing-public.json";

  private final PublicKeySign signer;
  private final PublicKeyVerify verifier;

  public CheckpointSigner(Path keyStoreDir) {
    try {
      SignatureConfig.register();
      Path file = keyStoreDir.resolve(KEYSET_FILE);
      KeysetHandle handle = loadOrCreate(keyStoreDir, file);
      KeysetHandle publicHandle = handle.getPublicKeysetHandle();
      Path publicFile = keyStoreDir.resolve(PUBLIC_FILE);
      if (!Files.exists(publicFile)) {
        Files.writeString(
            publicFile,
            TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(publicHandle),
            StandardCharsets.UTF_8);
      }
      signer = handle.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
      verifier = publicHandle.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("audit signing keyset unusable", e);
    } catch (IOException e) {
      throw new UncheckedIOException("audit signing keyset unreadable", e);
    }
  }

  private static KeysetHandle loadOrCreate(Path dir, Path file)
      throws IOException, GeneralSecurityException {
    if (!Files.exists(file)) {
      Files.createDirectories(dir);
      KeysetHandle fresh = KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519);
      MasterKeyFile.writePrivately(
          file, TinkJsonProtoKeysetFormat.serializeKeyset(fresh, InsecureSecretKeyAccess.get()));
    }
    return TinkJsonProtoKeysetFormat.parseKeyset(
        Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
  }

  public Checkpoint sign(Checkpoint unsigned) {
    try {
      return unsigned.withSignature(
          Base64.getEncoder().encodeToString(signer.sign(unsigned.signedBytes())));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign audit checkpoint", e);
    }
  }

  public boolean verify(Checkpoint checkpoint) {
    try {
      verifier.verify(Base64.getDecoder().decode(checkpoint.signature()), checkpoint.signedBytes());
      return true;
    } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }
}
