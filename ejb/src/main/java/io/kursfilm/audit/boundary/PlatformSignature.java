package io.kursfilm.audit.boundary;

import io.kursfilm.audit.control.AuditSigningKey;
import io.kursfilm.audit.control.CheckpointSigner;
import io.kursfilm.storage.shred.CertificateVerifier;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs documents the platform hands out, such as shred certificates, with the platform's Ed25519
 * key: the audit signing key, on purpose. It is already wrapped by the key store's master, backed
 * up, published next to the key store ({@code audit-signing-public.json}) and pinned by auditors
 * ({@code kursfilm.audit.signing-public-key}); a second key would need all of that again and give a
 * customer a second key to trust. Signatures over such documents start with a domain line of their
 * own ({@link CertificateVerifier#DOMAIN}), so none of them can pass for a checkpoint's.
 */
@Dependent
public class PlatformSignature {

  @Inject AuditSigningKey key;

  /**
   * The signature block of a certificate document: algorithm, the public key (X.509, Base64), its
   * fingerprint as {@code infra/audit-verify} prints it, and the signature over {@link
   * CertificateVerifier#signedBytes}.
   *
   * @throws IllegalStateException when the signing key is missing (readiness {@code audit-signing}
   *     is then DOWN)
   */
  public Map<String, Object> signCertificate(Map<String, Object> certificate) {
    CheckpointSigner signer = key.signer();
    Map<String, Object> signature = new LinkedHashMap<>();
    signature.put("algorithm", "Ed25519");
    signature.put("publicKey", Base64.getEncoder().encodeToString(signer.publicKeySpki()));
    signature.put("keyFingerprint", CheckpointSigner.fingerprint(signer.publicKeyset()));
    signature.put(
        "value",
        Base64.getEncoder()
            .encodeToString(signer.signPlain(CertificateVerifier.signedBytes(certificate))));
    // Checked as a customer will check it, so a certificate that would not verify is never issued.
    String verdict =
        CertificateVerifier.verify(
            CertificateVerifier.canonical(
                Map.of("certificate", certificate, "signature", signature)),
            signer.publicKeyset());
    if (!verdict.startsWith("VALID")) {
      throw new IllegalStateException("certificate signature does not verify: " + verdict);
    }
    return signature;
  }
}
