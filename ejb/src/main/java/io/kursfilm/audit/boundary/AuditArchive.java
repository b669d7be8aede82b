package io.kursfilm.audit.boundary;

import io.kursfilm.audit.control.AuditFilter;
import io.kursfilm.audit.control.AuditQuery;
import io.kursfilm.audit.control.AuditSigningKey;
import io.kursfilm.audit.control.ChainReport;
import io.kursfilm.audit.control.ChainVerifier;
import io.kursfilm.audit.entity.AuditEntry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A tenant's audit chain for its offboarding export: every entry as a JSON line (ids and counts
 * only, like the entries), oldest first, and the verification of the chain at that moment. Called
 * only by the offboarding export job (no caller); audit entries are not tenant-filtered, the chain
 * is chosen here from the tenant id.
 */
@Stateless
public class AuditArchive {

  @Inject AuditQuery query;
  @Inject ChainVerifier verifier;
  @Inject AuditSigningKey signingKey;

  /** The tenant's chain up to {@code until} (exclusive), one JSON object per line. */
  public byte[] entries(String tenantId, Instant until) {
    String chain = AuditEntry.chainOf(tenantId);
    List<AuditEntry> all = new ArrayList<>();
    for (int offset = 0; ; offset += AuditFilter.MAX_LIMIT) {
      List<AuditEntry> page =
          query.list(
              new AuditFilter(chain, null, until, null, null, offset, AuditFilter.MAX_LIMIT));
      all.addAll(page);
      if (page.size() < AuditFilter.MAX_LIMIT) {
        break;
      }
    }
    Collections.reverse(all);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (AuditEntry e : all) {
      JsonObjectBuilder json =
          Json.createObjectBuilder()
              .add("id", e.id())
              .add("sequence", e.sequence())
              .add("time", e.occurredAt().toString())
              .add("action", e.action());
      if (e.actorId() != null) {
        json.add("actorId", e.actorId());
      }
      if (e.subjectType() != null) {
        json.add("subjectType", e.subjectType());
      }
      if (e.subjectId() != null) {
        json.add("subjectId", e.subjectId());
      }
      JsonObjectBuilder details = Json.createObjectBuilder();
      e.details().forEach(details::add);
      json.add("details", details);
      out.writeBytes(json.build().toString().getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }
    return out.toByteArray();
  }

  /** {@code {"valid","checked","firstBrokenSequence"?,"problem"?,"signingKey"}} of the chain. */
  public byte[] verification(String tenantId) {
    ChainReport report = verifier.verify(AuditEntry.chainOf(tenantId));
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("chain", report.chain())
            .add("valid", report.valid())
            .add("checked", report.checked())
            .add("signingKey", signingKey.verificationKeyFingerprint());
    if (report.firstBrokenSequence() != null) {
      json.add("firstBrokenSequence", report.firstBrokenSequence());
    }
    if (report.problem() != null) {
      json.add("problem", report.problem());
    }
    return json.build().toString().getBytes(StandardCharsets.UTF_8);
  }
}
