package io.kursfilm.offboarding.control;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.platform.boundary.Ungated;
import io.kursfilm.storage.keys.TenantKeys;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.objects.ObjectSummary;
import io.kursfilm.storage.sealed.SealedObjects;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs (or resumes) one export: plans the items, then lets the {@link ArchiveWriter} write what the
 * last checkpoint does not hold yet, sealing each part to {@code
 * export/<offboardingId>/part-NNNNNN} in the tenant's own bucket, so the shred's deletion of the
 * tenant's objects removes the export too.
 *
 * <p>Why the ungated keys ({@link Ungated}): the tenant is OFFBOARDING while its export is written,
 * and the tenant gate refuses every new seal for it, so that no user, job or worker adds anything
 * once the export has started. The export job is the one writer allowed past the gate: it only
 * reads the tenant's data (through the gated keys, which still open an offboarding tenant) and
 * writes the archive and its checkpoint; nothing else gets the ungated beans (architecture test).
 */
@Dependent
public class ExportJob {

  private static final Logger LOG = Logger.getLogger(ExportJob.class.getName());

  /** Stops a run: the export is no longer this runner's (cancelled, taken over, node "died"). */
  public static final class Stopped extends RuntimeException {
    public Stopped(String why) {
      super(why, null, false, false);
    }
  }

  /** Called after each checkpoint; may throw {@link Stopped}. */
  @FunctionalInterface
  public interface AfterPart {
    void closed(int parts);
  }

  @Inject ExportPlan plan;
  @Inject ExportLedger ledger;
  @Inject ObjectStore store;
  @Inject AuditLog audit;
  @Inject @Ungated SealedObjects sealing;
  @Inject @Ungated TenantKeys keys;

  @Inject
  @ConfigProperty(name = "kursfilm.offboarding.part-size")
  long partSize;

  public void run(ExportLedger.Claimed export, String claim, AfterPart afterPart) {
    String tenantId = export.tenantId();
    String id = export.offboardingId();
    ArchiveState state =
        ArchiveState.parse(export.checkpoint().map(s -> open(tenantId, id, s)).orElse(null));
    if (state.parts().size() > 0) {
      LOG.info(() -> "export " + id + " resumes after part " + state.parts().size());
      audit.record(
          AuditEvent.of(Action.OFFBOARDING_EXPORT_RESUMED)
              .tenant(tenantId, null)
              .subject("offboarding", id)
              .detail("parts", state.parts().size()));
    }
    discardAfterCheckpoint(tenantId, id, state.parts().size());
    List<ExportItem> items = plan.of(tenantId);
    long total =
        items.stream().mapToLong(i -> Zip64.entryLength(i.path(), Math.max(0, i.size()))).sum();
    ArchiveWriter writer = new ArchiveWriter(new Zip64(export.requestedAt()), partSize);
    writer.write(
        state,
        items,
        (index, bytes) -> sealing.seal(tenantId, ExportParts.partId(id, index), bytes),
        s -> {
          long done = s.offset();
          if (!ledger.checkpoint(id, claim, seal(tenantId, id, s), done, Math.max(total, done))) {
            throw new Stopped("export " + id + " is no longer this runner's");
          }
          afterPart.closed(s.parts().size());
        });
    ArchiveState parts = state.partsOnly();
    if (!ledger.ready(
        id, claim, seal(tenantId, id, parts), state.offset(), state.entries().size())) {
      throw new Stopped("export " + id + " is no longer this runner's");
    }
    LOG.info(() -> "export " + id + " ready: " + state.parts().size() + " parts");
  }

  /**
   * Parts stored after the checkpoint (a run that died after storing a part but before its
   * checkpoint) and incomplete multipart uploads of a part being written are removed; the part at
   * the checkpoint's index is then written anew.
   */
  private void discardAfterCheckpoint(String tenantId, String id, int parts) {
    store.abortIncompleteUploads(tenantId, ExportParts.prefix(id));
    for (ObjectSummary o : store.list(tenantId, ExportParts.prefix(id))) {
      if (ExportParts.index(id, o.key()) >= parts) {
        store.delete(tenantId, o.key());
      }
    }
  }

  /**
   * After a run stopped: when the offboarding was cancelled meanwhile, deletes the parts it wrote
   * (the cancel deleted those that existed when it happened, not the one this run was storing).
   */
  public void discardIfCancelled(ExportLedger.Claimed export) {
    if (ledger.cancelled(export.offboardingId())) {
      discardAfterCheckpoint(export.tenantId(), export.offboardingId(), 0);
    }
  }

  /** The checkpoint sealed under the tenant's KEK, bound to the offboarding row. */
  private String seal(String tenantId, String id, ArchiveState state) {
    try {
      byte[] sealed =
          keys.kek(tenantId)
              .encrypt(state.serialise().getBytes(StandardCharsets.UTF_8), ad(tenantId, id));
      return Base64.getEncoder().encodeToString(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal the export checkpoint", e);
    }
  }

  private String open(String tenantId, String id, String sealed) {
    try {
      byte[] plain =
          keys.kek(tenantId).decrypt(Base64.getDecoder().decode(sealed), ad(tenantId, id));
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot open the export checkpoint", e);
    }
  }

  private static byte[] ad(String tenantId, String id) {
    return ("offboarding-checkpoint|" + tenantId + "|" + id).getBytes(StandardCharsets.UTF_8);
  }

  /** The part sizes of a finished export, for its download. */
  public ArchiveState parts(String tenantId, String id, String sealed) {
    return ArchiveState.parse(open(tenantId, id, sealed));
  }
}
