package io.kursfilm.storage.shred;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CertificateVerifierTest {

  @Test
  void canonical_json_sorts_keys_and_escapes_only_what_it_must() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("b", List.of(1L, "x\"y\\z\n", true));
    tree.put("a", Map.of("ä", 2L));
    tree.put("c", null);
    String json = CertificateVerifier.canonical(tree);
    assertEquals("{\"a\":{\"ä\":2},\"b\":[1,\"x\\\"y\\\\z\\u000a\",true],\"c\":null}", json);
    assertEquals(json, CertificateVerifier.canonical(CertificateVerifier.parse(json)));
    assertEquals(
        json,
        CertificateVerifier.canonical(
            CertificateVerifier.parse(
                " { \"c\" : null ," + "\"b\":[1,\"x\\\"y\\\\z\\n\",true],\"a\":{\"\\u00e4\":2}}")));
  }

  @Test
  void fractions_and_duplicate_keys_are_refused() {
    assertThrows(IllegalArgumentException.class, () -> CertificateVerifier.parse("{\"a\":1.5}"));
    assertThrows(
        IllegalArgumentException.class, () -> CertificateVerifier.parse("{\"a\":1,\"a\":2}"));
  }

  @Test
  void a_certificate_signed_by_tink_verifies_and_a_tampered_one_does_not() throws Exception {
    SignatureConfig.register();
    KeysetHandle keyset = KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519);
    String publicKeyset =
        TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(keyset.getPublicKeysetHandle());
    Ed25519PublicKey key = (Ed25519PublicKey) keyset.getPublicKeysetHandle().getPrimary().getKey();
    byte[] spki = CertificateVerifier.spki(key.getPublicKeyBytes().toByteArray());
    assertArrayEquals(spki, CertificateVerifier.spkiOf(publicKeyset));

    Map<String, Object> certificate = new LinkedHashMap<>();
    certificate.put("certificateId", "c-1");
    certificate.put("tenantId", "t-1");
    certificate.put("objectsDeleted", 42L);
    byte[] tinkSignature =
        keyset
            .getPrimitive(RegistryConfiguration.get(), PublicKeySign.class)
            .sign(CertificateVerifier.signedBytes(certificate));
    // Tink's TINK output prefix (5 bytes) precedes a plain Ed25519 signature of the message.
    byte[] raw =
        Arrays.copyOfRange(tinkSignature, key.getOutputPrefix().size(), tinkSignature.length);
    String document =
        CertificateVerifier.canonical(
            Map.of(
                "certificate",
                certificate,
                "signature",
                Map.of(
                    "algorithm",
                    "Ed25519",
                    "publicKey",
                    Base64.getEncoder().encodeToString(spki),
                    "keyFingerprint",
                    "f",
                    "value",
                    Base64.getEncoder().encodeToString(raw))));

    assertTrue(CertificateVerifier.verify(document, null).startsWith("VALID"));
    assertTrue(CertificateVerifier.verify(document, publicKeyset).startsWith("VALID"));
    assertTrue(
        CertificateVerifier.verify(document.replace("42", "43"), null).startsWith("INVALID"));
    String other =
        TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(
            KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519)
                .getPublicKeysetHandle());
    assertTrue(CertificateVerifier.verify(document, other).startsWith("INVALID"));
  }
}
