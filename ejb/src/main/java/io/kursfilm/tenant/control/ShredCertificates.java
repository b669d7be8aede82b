package io.kursfilm.tenant.control;

import io.kursfilm.audit.boundary.PlatformSignature;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.shred.CertificateVerifier;
import io.kursfilm.storage.shred.ShredCertificate;
import io.kursfilm.storage.shred.Shredder;
import io.kursfilm.tenant.entity.TenantTombstone;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the signed certificate of a finished shred from its tombstone, and keeps a copy in the
 * platform bucket next to the audit checkpoints (outside the tenant, whose bucket the shred
 * empties). The document is canonical JSON: {@code {"certificate":{...},"signature":{...}}}, see
 * {@link CertificateVerifier}.
 */
@Dependent
public class ShredCertificates {

  /** Object-store "tenant" whose bucket holds platform objects (as the audit checkpoints). */
  static final String PLATFORM_BUCKET = "platform";

  /** Where the copies live in the platform bucket: {@code shred-certificates/<tenant id>.json}. */
  public static final String PREFIX = "shred-certificates/";

  static final String LOCAL_FILE_LIMIT =
      "Local file mode: one master keyset file on the application servers wraps every tenant"
          + " keyset. Whoever holds a copy of the key directory taken before the destruction"
          + " together with the master can open this tenant's data again: the key directory must"
          + " not be snapshotted or copied beyond the key-store backup retention, or this"
          + " certificate does not hold.";

  static final String KMS_MODE =
      "KMS mode: the tenant keyset is wrapped by the platform's KMS master key; key ids of KMS"
          + " keys of the tenant, where listed, were deleted or scheduled for deletion in the KMS.";

  @Inject PlatformSignature signature;
  @Inject Shredder shredder;
  @Inject ObjectStore objects;

  @Inject
  @ConfigProperty(name = "kursfilm.keystore.master-uri")
  Optional<String> masterUri;

  /** The signed certificate document of a shred whose every step is recorded in {@code t}. */
  public String sign(TenantTombstone t, String certificateId, Instant issuedAt) {
    Instant destroyedAt = t.keysDestroyedAt().orElseThrow();
    Map<String, Object> keyStore = new LinkedHashMap<>();
    boolean local = masterUri.filter(u -> !u.isBlank() && !u.startsWith("file:")).isEmpty();
    keyStore.put("mode", local ? "local-file" : "kms");
    keyStore.put("backupRetention", shredder.backupRetention().toString());
    keyStore.put("backupInterval", shredder.backupInterval().toString());
    keyStore.put("noBackupHoldsKeyAfter", shredder.keyGoneFromBackupsAfter(destroyedAt).toString());
    keyStore.put("statement", local ? LOCAL_FILE_LIMIT : KMS_MODE);

    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", "kursfilm-shred-certificate");
    c.put("certificateId", certificateId);
    c.put("tenantId", t.tenantId());
    c.put("tenantSlugSha256", t.slugSha256());
    c.put("tenantCreatedAt", t.tenantCreatedAt().toString());
    c.put("shredStartedAt", t.shredStartedAt().toString());
    c.put("keysDestroyedAt", destroyedAt.toString());
    c.put("rowsDeletedAt", t.rowsDeletedAt().orElseThrow().toString());
    c.put("issuedAt", issuedAt.toString());
    c.put("keyIdsDestroyed", TenantShredding.keyIds(t));
    c.put("objectsDeleted", t.objectsDeleted());
    c.put("incompleteUploadsAborted", t.uploadsAborted());
    c.put("rowsDeleted", CertificateVerifier.parse(t.rowsDeletedJson().orElseThrow()));
    c.put("keyStore", keyStore);
    c.put(
        "kept",
        List.of(
            "audit_entry: the tenant's audit chain, ids and counts only, verifiable after the shred",
            "offboarding: the platform's record of this offboarding",
            "tenant_tombstone: tenant id, slug hash, dates and this certificate"));
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("certificate", c);
    document.put("signature", signature.signCertificate(c));
    return CertificateVerifier.canonical(document);
  }

  /** Puts the copy into the platform bucket; repeatable (same key, same bytes). */
  public void keepCopy(String tenantId, String document) {
    objects.put(
        PLATFORM_BUCKET,
        PREFIX + tenantId + ".json",
        new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
  }

  /** The certificate id a signed document names. */
  public static String certificateId(String document) {
    Map<?, ?> c = (Map<?, ?>) ((Map<?, ?>) CertificateVerifier.parse(document)).get("certificate");
    return (String) c.get("certificateId");
  }

  /** The storage-level summary of a signed certificate document. */
  public static ShredCertificate summary(String document) {
    Map<?, ?> c = (Map<?, ?>) ((Map<?, ?>) CertificateVerifier.parse(document)).get("certificate");
    Map<?, ?> keyStore = (Map<?, ?>) c.get("keyStore");
    return new ShredCertificate(
        (String) c.get("tenantId"),
        Instant.parse((String) c.get("keysDestroyedAt")),
        ((List<?>) c.get("keyIdsDestroyed")).stream().map(String::valueOf).toList(),
        Math.toIntExact((Long) c.get("objectsDeleted")),
        Math.toIntExact((Long) c.get("incompleteUploadsAborted")),
        Instant.parse((String) keyStore.get("noBackupHoldsKeyAfter")));
  }
}
