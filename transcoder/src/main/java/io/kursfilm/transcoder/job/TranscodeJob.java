package io.kursfilm.transcoder.job;

import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.objects.ObjectSummary;
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
 * own prefix. The video row points at that prefix only after the transcode succeeded. A rejected
 * input loses its original; a cancelled one loses everything. Any other failure leaves the original
 * for the retry and removes only what this attempt wrote.
 */
public class TranscodeJob {

  private static final Logger LOG = Logger.getLogger(TranscodeJob.class.getName());

  /**
   * Share of the progress bar for the transcode, which seals its outputs as they are produced;
   * recording the result takes the last percent.
   */
  private static final int TRANSCODE_SHARE = 99;

  private final JobParts parts;

  public TranscodeJob(JobParts parts) {
    this.parts = parts;
  }

  /**
   * Runs the job for a video. Returns normally when the job is finished for good (published,
   * rejected, cancelled or nothing to do).
   *
   * @param lastAttempt whether a failure now is final (the video is marked FAILED) or retried
   * @throws Exception when the attempt failed and should be retried
   */
  public void run(String tenantId, String videoId, boolean lastAttempt) throws Exception {
    JobLedger ledger = parts.ledger();
    var subject = ledger.claim(tenantId, videoId);
    if (subject.isEmpty()) {
      if (ledger.cancelRequested(tenantId, videoId)) {
        discard(tenantId, videoId);
      }
      return;
    }
    String rendition = VideoObjects.newRendition(videoId);
    Path work = parts.workspace().create(videoId);
    boolean published = false;
    RangeSource original = original(subject.get());
    try (LoopbackServer.Lease lease = parts.loopback().publish(original)) {
      String mediaSha256 = MediaDigest.sha256(original);
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
                  progress(tenantId, videoId, cancel),
                  cancel);
      Rendition best =
          result.renditions().stream()
              .max(Comparator.comparingInt(Rendition::height))
              .orElseThrow();
      published =
          ledger.published(
              subject.get(),
              new Published(
                  rendition, result.duration(), best.width(), best.height(), mediaSha256));
      if (!published) {
        // A newer attempt, a cancel or a delete came first: this attempt's outputs go (finally),
        // and a cancelled or deleted video goes whole, as it would at the next progress check.
        if (ledger.cancelRequested(tenantId, videoId)) {
          discard(tenantId, videoId);
        }
        LOG.info(() -> "video " + videoId + " changed meanwhile: stale rendition discarded");
        return;
      }
      removeOtherRenditions(tenantId, videoId, rendition);
      LOG.info(() -> "video " + videoId + " transcoded: " + result.renditions().size() + " rungs");
    } catch (InputRejectedException e) {
      parts.chunks().deleteAll(tenantId, VideoObjects.original(videoId));
      ledger.rejected(tenantId, videoId, e.reason().name(), e.getMessage());
      LOG.info(() -> "video " + videoId + " rejected: " + e.reason());
    } catch (TranscodeCancelledException e) {
      discard(tenantId, videoId);
      LOG.info(() -> "video " + videoId + " cancelled");
    } catch (TranscodeFailedException e) {
      if (!inputsFault(e, lastAttempt)) {
        if (lastAttempt) {
          ledger.failed(tenantId, videoId, e.reason().name());
        }
        throw e;
      }
      // ffmpeg refused the input or produced less than it holds (a truncated file probes fine).
      parts.chunks().deleteAll(tenantId, VideoObjects.original(videoId));
      ledger.rejected(tenantId, videoId, "TRANSCODE_FAILED", e.getMessage());
      LOG.info(() -> "video " + videoId + " rejected: " + e.reason());
    } catch (Exception e) {
      if (lastAttempt) {
        ledger.failed(tenantId, videoId, e.getClass().getSimpleName());
      }
      throw e;
    } finally {
      Workspace.delete(work);
      // Segments were sealed while ffmpeg ran: a failed or cancelled attempt's must go.
      if (!published) {
        parts.store().deleteByPrefix(tenantId, rendition + "/");
      }
    }
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
    String prefix = VideoObjects.original(subject.videoId());
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

  private JobProgress progress(String tenantId, String videoId, CancelToken cancel) {
    return new JobProgress(parts.ledger(), tenantId, videoId, cancel, TRANSCODE_SHARE);
  }

  private OutputSink sealer(String tenantId, String rendition) {
    SealedObjects sealed = parts.sealed();
    return (name, file) -> {
      try (InputStream in = Files.newInputStream(file)) {
        sealed.seal(tenantId, rendition + "/" + name, in);
      }
    };
  }

  private void removeOtherRenditions(String tenantId, String videoId, String keep) {
    ObjectStore store = parts.store();
    store.list(tenantId, VideoObjects.renditions(videoId)).stream()
        .map(ObjectSummary::key)
        .filter(key -> !key.startsWith(keep + "/"))
        .forEach(key -> store.delete(tenantId, key));
  }

  private void discard(String tenantId, String videoId) {
    parts.store().deleteByPrefix(tenantId, VideoObjects.video(videoId));
    parts.ledger().discard(tenantId, videoId);
  }
}
