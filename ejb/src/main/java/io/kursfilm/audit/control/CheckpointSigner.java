package io.kursfilm.audit.control;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import io.kursfilm.storage.shred.CertificateVerifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Predicate;

/**
 * Signs and verifies audit checkpoints with one Ed25519 keyset (Tink). Holds the private keyset in
 * memory only; where it is stored (wrapped by the key store's master) is {@link AuditSigningKey}'s
 * business. Verifying against a configured (pinned) public keyset goes through {@link #verifierOf},
 * so a checkpoint signed by any other key fails.
 */
public final class CheckpointSigner {

  private static final int ED25519_SIGNATURE_BYTES = 64;

  private final PublicKeySign signer;
  private final PublicKeyVerify verifier;
  private final String publicKeyset;

  public CheckpointSigner(KeysetHandle privateKeyset) {
    try {
      SignatureConfig.register();
      KeysetHandle publicHandle = privateKeyset.getPublicKeysetHandle();
      signer = privateKeyset.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
      verifier = publicHandle.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
      publicKeyset = TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(publicHandle);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("audit signing keyset unusable", e);
    }
  }

  /** A fresh Ed25519 keyset. */
  public static KeysetHandle generate() {
    try {
      SignatureConfig.register();
      return KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate audit signing keyset", e);
    }
  }

  /**
   * A verifier for the public keyset {@code pinned}: Tink's JSON keyset format, as is or Base64
   * encoded (one line, fit for an environment variable).
   *
   * @throws IllegalArgumentException when it is no public keyset
   */
  public static Predicate<Checkpoint> verifierOf(String pinned) {
    String json = json(pinned);
    try {
      SignatureConfig.register();
      PublicKeyVerify verify =
          TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(json)
              .getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
      return c -> verify(verify, c);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a Tink public signature keyset", e);
    }
  }

  /** A pinned public keyset as JSON, whether it was given as JSON or Base64. */
  static String json(String pinned) {
    String json = pinned.strip();
    return json.startsWith("{")
        ? json
        : new String(Base64.getMimeDecoder().decode(json), StandardCharsets.UTF_8);
  }

  /**
   * SHA-256 (hex) of a public keyset's JSON without whitespace: what {@code infra/audit-verify}
   * compares with the key an auditor expects ({@code tr -d '[:space:]' | sha256sum}).
   */
  public static String fingerprint(String publicKeysetJson) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(publicKeysetJson.replaceAll("\\s", "").getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  public Checkpoint sign(Checkpoint unsigned) {
    try {
      return unsigned.withSignature(
          Base64.getEncoder().encodeToString(signer.sign(unsigned.signedBytes())));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign audit checkpoint", e);
    }
  }

  /**
   * A plain Ed25519 signature (64 bytes, without Tink's key-id prefix) of {@code message}, for
   * documents checked outside Tink, such as shred certificates. Callers put a domain line of their
   * own first in {@code message}, so no such signature passes for a checkpoint's.
   */
  public byte[] signPlain(byte[] message) {
    try {
      byte[] tagged = signer.sign(message);
      // Tink's TINK output prefix (5 bytes of key id) precedes the plain 64-byte Ed25519
      // signature of the message; PlatformSignature checks the result with the JDK's verifier.
      return Arrays.copyOfRange(tagged, tagged.length - ED25519_SIGNATURE_BYTES, tagged.length);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign", e);
    }
  }

  /**
   * The primary key's public key as X.509 SubjectPublicKeyInfo, read from the public keyset's
   * serialized form (a keyset parsed before the signature types were registered holds its keys only
   * as opaque legacy objects).
   */
  public byte[] publicKeySpki() {
    return CertificateVerifier.spkiOf(publicKeyset);
  }

  /** Whether {@code checkpoint} was signed by this keyset. */
  public boolean verify(Checkpoint checkpoint) {
    return verify(verifier, checkpoint);
  }

  /** The public keyset in Tink's JSON format: what an auditor pins. */
  public String publicKeyset() {
    return publicKeyset;
  }

  private static boolean verify(PublicKeyVerify verifier, Checkpoint checkpoint) {
    try {
      verifier.verify(Base64.getDecoder().decode(checkpoint.signature()), checkpoint.signedBytes());
      return true;
    } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }
}
