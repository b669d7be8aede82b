package io.kursfilm.video.boundary;

import io.kursfilm.kernel.CacheNotice;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.sealed.ChunkLengthException;
import io.kursfilm.storage.sealed.ChunkedUpload;
import io.kursfilm.storage.sealed.SealedChunks;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantSettings;
import io.kursfilm.transcoder.job.VideoObjects;
import io.kursfilm.transcoder.probe.RejectionReason;
import io.kursfilm.video.control.DeadlineInputStream;
import io.kursfilm.video.control.PlaybackCache;
import io.kursfilm.video.control.TranscodeWorkers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Streams upload bytes into sealed chunks, outside any transaction: a multi-gigabyte upload must
 * not hold a database connection. Rows change through {@link UploadRows} before and after; a job is
 * queued only once the upload's completion has committed. A broken upload leaves neither chunk nor
 * row behind.
 */
@Stateless
@RolesAllowed(Role.Names.TRAINER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VideoUploads {

  @Inject Caller caller;
  @Inject Videos videos;
  @Inject UploadRows rows;
  @Inject SealedChunks chunks;
  @Inject ObjectStore store;
  @Inject TranscodeWorkers workers;
  @Inject PlaybackCache playbackCache;
  @Inject TenantDirectory tenants;
  @Inject Clock clock;
  @Inject Event<CacheNotice> notices;

  @Inject
  @ConfigProperty(name = "kursfilm.video.chunk-write-timeout")
  Duration chunkWriteTimeout;

  @Inject
  @ConfigProperty(name = "kursfilm.video.chunk-size")
  int chunkSize;

  @Inject
  @ConfigProperty(name = "kursfilm.video.max-upload-bytes")
  long maxUploadBytes;

  /**
   * Starts a resumable upload of {@code size} bytes.
   *
   * @throws UploadTooLargeException when {@code size} exceeds the limit (nothing is created)
   */
  public UploadStatus declare(VideoDetails details, long size) {
    checkSize(size);
    return afterStart(rows.declare(details, size, chunkSize), size);
  }

  /**
   * Starts a resumable upload of new media for video {@code videoId}: version n+1, which goes
   * through processing and review while employees keep the published version. Empty when the video
   * is not the tenant's.
   */
  public Optional<UploadStatus> declareVersion(String videoId, VideoDetails details, long size) {
    checkSize(size);
    return rows.startVersion(videoId, details, size, chunkSize).map(s -> afterStart(s, size));
  }

  private void checkSize(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("size: must not be negative");
    }
    long limit = limit();
    if (size > limit) {
      throw new UploadTooLargeException(limit);
    }
  }

  private UploadStatus afterStart(UploadRows.Started started, long size) {
    if (size == 0) {
      rows.rejectUpload(started.versionId(), RejectionReason.EMPTY.name());
      return rows.uploadStatus(started.status().id()).orElseThrow();
    }
    return started.status();
  }

  /**
   * Seals and stores chunk {@code index} of the newest version; sending it again replaces it. Empty
   * when the video is not the tenant's (or was deleted meanwhile). The write is registered first,
   * so the upload cannot be completed while it runs, and it must end within {@code
   * kursfilm.video.chunk-write-timeout}.
   *
   * @throws io.kursfilm.kernel.ConflictException when the upload is already complete
   */
  public Optional<UploadStatus> putChunk(String id, int index, InputStream body) {
    Optional<ChunkWrite> write = rows.beginChunk(id, index);
    if (write.isEmpty()) {
      return Optional.empty();
    }
    long length = write.get().length();
    String prefix = VideoObjects.original(write.get().versionId());
    DeadlineInputStream limited =
        new DeadlineInputStream(body, clock, clock.instant().plus(chunkWriteTimeout));
    try {
      chunks.putChunk(tenant(), prefix, index, limited, length);
    } catch (ChunkLengthException e) {
      rows.abortChunk(id, write.get(), index);
      throw new IllegalArgumentException(
          "chunk " + index + ": must be exactly " + length + " bytes");
    } catch (RuntimeException e) {
      rows.abortChunk(id, write.get(), index);
      if (limited.expired()) {
        throw new IllegalArgumentException(
            "chunk " + index + ": not received within " + chunkWriteTimeout + ", send it again");
      }
      throw e;
    }
    if (!rows.finishChunk(id, write.get(), index)) {
      store.delete(tenant(), SealedChunks.chunkId(prefix, index));
      return Optional.empty();
    }
    return rows.uploadStatus(id);
  }

  /** Closes the upload of the newest version and queues its transcode. */
  public Optional<VideoView> complete(String id) {
    Optional<String> version = rows.markUploaded(id);
    version.ifPresent(v -> workers.enqueue(tenant(), v));
    return version.flatMap(v -> videos.find(id));
  }

  /**
   * Takes a whole video in one request body of unknown length, sealed in chunks as it arrives. Too
   * large: the video is {@code REJECTED_INPUT}/{@code TOO_LARGE} and no byte is kept. The
   * connection broke: neither the video nor a byte of it is kept.
   */
  public VideoView uploadWhole(VideoDetails details, InputStream body) {
    return receiveWhole(rows.declare(details, 0, chunkSize), body);
  }

  /** Like {@link #uploadWhole}, as new media for video {@code videoId}: its next version. */
  public Optional<VideoView> uploadWholeVersion(
      String videoId, VideoDetails details, InputStream body) {
    return rows.startVersion(videoId, details, 0, chunkSize).map(s -> receiveWhole(s, body));
  }

  private VideoView receiveWhole(UploadRows.Started started, InputStream body) {
    String videoId = started.status().id();
    String versionId = started.versionId();
    String prefix = VideoObjects.original(versionId);
    ChunkedUpload upload;
    try {
      upload = chunks.putAll(tenant(), prefix, body, limit());
    } catch (io.kursfilm.storage.sealed.UploadTooLargeException e) {
      rows.rejectUpload(versionId, RejectionReason.TOO_LARGE.name());
      return videos.find(videoId).orElseThrow();
    } catch (RuntimeException e) {
      rows.forgetUpload(versionId);
      throw e;
    }
    if (upload.size() == 0) {
      chunks.deleteAll(tenant(), prefix);
      rows.rejectUpload(versionId, RejectionReason.EMPTY.name());
      return videos.find(videoId).orElseThrow();
    }
    rows.markUploadedWhole(versionId, upload.size());
    workers.enqueue(tenant(), versionId);
    return videos.find(videoId).orElseThrow();
  }

  /** Cancels processing, or deletes a video no job works on, with all its versions' objects. */
  @RolesAllowed({Role.Names.TRAINER, Role.Names.TENANT_ADMIN})
  public boolean delete(String id) {
    Optional<VideoView> video = videos.find(id);
    if (video.isEmpty()) {
      return false;
    }
    if (video.get().processing()) {
      return videos.cancel(id);
    }
    Optional<List<String>> versions = videos.remove(id);
    // This node stops serving it at once, the others when the deletion commits.
    playbackCache.forget(tenant(), id);
    notices.fire(CacheNotice.video(tenant(), id));
    versions.orElse(List.of()).forEach(v -> store.deleteByPrefix(tenant(), VideoObjects.video(v)));
    return versions.isPresent();
  }

  /** The tenant's own upload limit within the platform's. */
  private long limit() {
    return tenants
        .settings(tenant())
        .map(settings -> TenantSettings.UploadLimit.of(settings, maxUploadBytes))
        .orElse(maxUploadBytes);
  }

  private String tenant() {
    return caller.require().tenantId();
  }
}
