package io.kursfilm.transcoder.job;

import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.storage.sealed.SealedChunks;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.transcoder.hls.CancelToken;
import io.kursfilm.transcoder.hls.OutputSink;
import io.kursfilm.transcoder.hls.Rendition;
import io.kursfilm.transcoder.hls.TranscodeCancelledException;
import io.kursfilm.transcoder.hls.TranscodeFailedException;
import io.kursfilm.transcoder.hls.TranscodeResult;
import io.kursfilm.transcoder.loopback.LoopbackServer;
import io.kursfilm.transcoder.loopback.RangeSource;
import io.kursfilm.transcoder.probe.InputRejectedException;
import io.kursfilm.transcoder.probe.MediaInfo;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Logger;

/**
 * Takes one upload from sealed original to a sealed HLS rendition: ffprobe and ffmpeg read the
 * original through the loopback decrypting stream, ffmpeg writes into a private tmpfs directory,
 * and each output file is sealed into the object store as soon as it is final, under this attempt's
 * own prefix. What became of the attempt is reported through the {@link OutcomePort}; the video
 * component applies it (or refuses a stale one), so the version points at the prefix only once the
 * transcode succeeded and its publication was accepted. A cancelled upload loses everything at
 * once; any other failure leaves the original for the retry and removes only what this attempt
 * wrote. The original of a rejected input is deleted when the rejection is applied. A tenant that
 * is off-boarded or shredded while the job runs stops it at the next sealed segment (the keys' gate
 * refuses), for good and with nothing of the attempt left in the store.
 */
public class TranscodeJob {

  private static final Logger LOG = Logger.getLogger(TranscodeJob.class.getName());

  /**
   * Share of the progress bar for the transcode, which seals its outputs as they are produced;
   * recording the result takes the last percent.
   */
  private static final int TRANSCODE_SHARE = 99;

  /** The failure detail of a job whose tenant was closed while it ran. */
  public static final String TENANT_CLOSED = "TENANT_CLOSED";

  private final JobParts parts;

  public TranscodeJob(JobParts parts) {
    this.parts = parts;
  }

  /**
   * Runs the job for a version. Returns normally when the job is finished for good (its
   * publication, rejection or discard reported, or nothing to do).
   *
   * @param lastAttempt whether a failure now is final (FAILED is reported) or retried
   * @throws Exception when the attempt failed and should be retried
   */
  public void run(String tenantId, String versionId, boolean lastAttempt) throws Exception {
    OutcomePort outcomes = parts.outcomes();
    var claimed = outcomes.claim(tenantId, versionId);
    if (claimed.isEmpty()) {
      if (outcomes.cancelRequested(tenantId, versionId)) {
        discard(tenantId, versionId);
      }
      return;
    }
    JobSubject subject = claimed.get();
    String rendition = VideoObjects.newRendition(versionId);
    Path work = parts.workspace().create(versionId);
    // Once reported as published, the rendition's objects are the video component's to keep or
    // delete; until then they are this attempt's.
    boolean handedOver = false;
    RangeSource original = original(subject);
    try (LoopbackServer.Lease lease = parts.loopback().publish(original)) {
      // Nothing is sealed for an off-boarding or shredded tenant: do not run ffmpeg for nothing.
      parts.gate().requireWritable(tenantId);
      // Sealed at once, bound as the version's own column: the outbox never holds it in clear.
      String mediaSha256 =
          parts
              .cipher()
              .encrypt(
                  tenantId,
                  new FieldCipher.Row(Published.HASH_TABLE, versionId),
                  Published.HASH_COLUMN,
                  MediaDigest.sha256(original));
      MediaInfo info = parts.probe().probe(lease.input());
      CancelToken cancel = new CancelToken();
      TranscodeResult result =
          parts
              .transcoder()
              .transcode(
                  lease.input(),
                  info,
                  work,
                  sealer(tenantId, rendition),
                  new JobProgress(outcomes, subject, cancel, TRANSCODE_SHARE),
                  cancel);
      Rendition best =
          result.renditions().stream()
              .max(Comparator.comparingInt(Rendition::height))
              .orElseThrow();
      outcomes.published(
          subject,
          new Published(rendition, result.duration(), best.width(), best.height(), mediaSha256));
      handedOver = true;
      LOG.info(
          () -> "version " + versionId + " transcoded: " + result.renditions().size() + " rungs");
    } catch (InputRejectedException e) {
      if (endedByClosedTenant(subject)) {
        return;
      }
      outcomes.rejected(subject, e.reason().name(), e.getMessage());
      LOG.info(() -> "version " + versionId + " rejected: " + e.reason());
    } catch (TranscodeCancelledException e) {
      discard(tenantId, versionId);
      LOG.info(() -> "version " + versionId + " cancelled");
    } catch (TranscodeFailedException e) {
      if (endedByClosedTenant(subject)) {
        return;
      }
      if (!inputsFault(e, lastAttempt)) {
        if (lastAttempt) {
          outcomes.failed(subject, e.reason().name());
        }
        throw e;
      }
      // ffmpeg refused the input or produced less than it holds (a truncated file probes fine).
      outcomes.rejected(subject, "TRANSCODE_FAILED", e.getMessage());
      LOG.info(() -> "version " + versionId + " rejected: " + e.reason());
    } catch (Exception e) {
      if (endedByClosedTenant(subject)) {
        return;
      }
      if (lastAttempt) {
        outcomes.failed(subject, e.getClass().getSimpleName());
      }
      throw e;
    } finally {
      Workspace.delete(work);
      // Segments were sealed while ffmpeg ran: an attempt that did not hand them over removes them.
      if (!handedOver) {
        parts.store().deleteByPrefix(tenantId, rendition + "/");
      }
    }
  }

  /**
   * Whether the attempt failed because its tenant was closed meanwhile (off-boarding or shredded):
   * the gate refused the next segment's seal or the original's next range, which reaches this job
   * as whatever ffmpeg or the probe made of it. Then the job ends for good, reported as failed,
   * since no retry can succeed; the caller's finally removes what the attempt sealed.
   */
  private boolean endedByClosedTenant(JobSubject subject) {
    boolean closed;
    try {
      closed = !parts.gate().isWritable(subject.tenantId());
    } catch (RuntimeException e) {
      return false; // the state is unknown (database away): the usual retry decides
    }
    if (closed) {
      parts.outcomes().failed(subject, TENANT_CLOSED);
      LOG.info(() -> "version " + subject.versionId() + " stopped: its tenant is closed");
    }
    return closed;
  }

  /**
   * A short or malformed output is the input's doing at once; ffmpeg failing on it is, once retries
   * have ruled out a passing fault; stalls and timeouts are not.
   */
  private static boolean inputsFault(TranscodeFailedException e, boolean lastAttempt) {
    return switch (e.reason()) {
      case INVALID_OUTPUT -> true;
      case FFMPEG_FAILED -> lastAttempt;
      default -> false;
    };
  }

  private RangeSource original(JobSubject subject) {
    SealedChunks chunks = parts.chunks();
    String prefix = VideoObjects.original(subject.versionId());
    return new RangeSource() {
      @Override
      public long size() {
        return subject.originalSize();
      }

      @Override
      public InputStream open(long offset, long length) {
        return chunks.openRange(subject.tenantId(), prefix, subject.originalSize(), offset, length);
      }
    };
  }

  private OutputSink sealer(String tenantId, String rendition) {
    SealedObjects sealed = parts.sealed();
    return (name, file) -> {
      try (InputStream in = Files.newInputStream(file)) {
        sealed.seal(tenantId, rendition + "/" + name, in);
      }
    };
  }

  /** A cancelled version: its objects go now, its rows when the discard is applied. */
  private void discard(String tenantId, String versionId) {
    parts.store().deleteByPrefix(tenantId, VideoObjects.video(versionId));
    parts.outcomes().discarded(tenantId, versionId);
  }
}
