package io.kursfilm.video.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.video.control.VersionFinder;
import io.kursfilm.video.control.VideoLifecycle;
import io.kursfilm.video.entity.Video;
import io.kursfilm.video.entity.VideoChunk;
import io.kursfilm.video.entity.VideoChunkWrite;
import io.kursfilm.video.entity.VideoTransition;
import io.kursfilm.video.entity.VideoVersion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rows of uploads, in short transactions: a new video or a new version of one, its chunks, its
 * completion. Every step works on the video's newest version and only its uploader may take it.
 * Byte streaming lives in {@link VideoUploads}, which calls in here before and after.
 */
@Stateless
@TenantScoped
@RolesAllowed(Role.Names.TRAINER)
public class UploadRows {

  /**
   * Time after a write's last byte for its sealed chunk to reach the object store; a write older
   * than the timeout and this has certainly ended.
   */
  private static final Duration WRITE_GRACE = Duration.ofMinutes(2);

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Caller caller;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject VersionFinder finder;
  @Inject VideoLifecycle lifecycle;

  /** Longest a chunk write may take; {@link VideoUploads} aborts one that takes longer. */
  @Inject
  @ConfigProperty(name = "kursfilm.video.chunk-write-timeout")
  Duration chunkWriteTimeout;

  /** An upload begun: what its client sees, and the version its bytes belong to. */
  public record Started(String versionId, UploadStatus status) {}

  /** Starts an upload of a new video of {@code size} bytes; the caller then sends its chunks. */
  public Started declare(VideoDetails details, long size, int chunkSize) {
    String id = java.util.UUID.randomUUID().toString();
    VideoVersion first =
        new VideoVersion(
            id,
            1,
            caller.require().userId(),
            details.validated(),
            size,
            chunkSize,
            clock.instant());
    em.persist(new Video(first, clock.instant()));
    em.persist(first);
    return new Started(first.id(), status(first));
  }

  /**
   * Starts version n+1 of a video with new media: same upload protocol, same video id. Only the
   * video's trainers, and only once no job works on its newest version. Details left out are the
   * newest version's. Empty when the video is not the tenant's.
   */
  public Optional<Started> startVersion(
      String videoId, VideoDetails details, long size, int chunkSize) {
    Optional<VideoVersion> found = finder.latest(videoId, LockModeType.PESSIMISTIC_WRITE);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    VideoVersion latest = found.get();
    finder.requireTrainerOf(videoId, caller.require());
    if (!latest.state().settled()) {
      throw new ConflictException(
          "version " + latest.number() + " is still being uploaded or processed");
    }
    VideoDetails shown = details == null ? latest.details() : details.validated();
    VideoVersion next =
        new VideoVersion(
            videoId,
            latest.number() + 1,
            caller.require().userId(),
            shown,
            size,
            chunkSize,
            clock.instant());
    em.persist(next);
    finder.video(videoId).orElseThrow().versionAdded(next, clock.instant());
    audit.recordInTransaction(
        AuditEvent.of(Action.VIDEO_VERSION_CREATED)
            .subject("video", videoId)
            .detail("version", next.number())
            .detail("media", "new"));
    return Optional.of(new Started(next.id(), status(next)));
  }

  public Optional<UploadStatus> uploadStatus(String id) {
    return finder.latest(id, LockModeType.NONE).map(this::status);
  }

  /**
   * Registers a write of chunk {@code index} before its bytes stream. Takes the version's row lock,
   * as {@link #markUploaded} does, so either the upload is still open and completing it waits for
   * this write, or it is closed and the chunk is refused.
   *
   * @throws ConflictException when the upload is complete or not the caller's
   */
  public Optional<ChunkWrite> beginChunk(String id, int index) {
    Optional<VideoVersion> found = locked(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    VideoVersion version = found.get();
    requireOwnUpload(version);
    long length = version.chunkLength(index);
    VideoChunkWrite write = new VideoChunkWrite(version.id(), index, clock.instant());
    em.persist(write);
    return Optional.of(new ChunkWrite(write.id(), version.id(), length));
  }

  /**
   * Ends a write whose chunk is stored and records the chunk. False when the video was deleted
   * meanwhile: the caller then deletes the chunk, which nothing else would.
   */
  public boolean finishChunk(String id, ChunkWrite write, int index) {
    Optional<VideoVersion> version = locked(id).filter(v -> v.id().equals(write.versionId()));
    if (version.isEmpty()) {
      return false;
    }
    endWrite(write);
    // Cannot happen while writes end within chunkWriteTimeout: completing waited for this one.
    if (version.get().state() != VideoState.UPLOADING) {
      throw new ConflictException("the upload of this video is already complete");
    }
    if (em.find(VideoChunk.class, new VideoChunk.Key(write.versionId(), index)) == null) {
      em.persist(new VideoChunk(write.versionId(), index, write.length()));
    }
    return true;
  }

  /**
   * Ends a write that failed. Its index holds no chunk any more (a failed put removes an older one
   * too), so a chunk recorded there before is forgotten and must be sent again.
   */
  public void abortChunk(String id, ChunkWrite write, int index) {
    if (locked(id).filter(v -> v.state() == VideoState.UPLOADING).isEmpty()) {
      return;
    }
    endWrite(write);
    Optional.ofNullable(em.find(VideoChunk.class, new VideoChunk.Key(write.versionId(), index)))
        .ifPresent(em::remove);
  }

  private void endWrite(ChunkWrite write) {
    Optional.ofNullable(em.find(VideoChunkWrite.class, write.id())).ifPresent(em::remove);
  }

  /**
   * Closes an upload whose chunks are all stored: the original is complete. Returns the id of the
   * version to transcode.
   *
   * @throws ConflictException when chunks are missing
   */
  public Optional<String> markUploaded(String id) {
    // Row lock: parallel completions of one upload queue up here, and all but the first then find
    // it complete (409) instead of failing on the version check at commit.
    Optional<VideoVersion> found = locked(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    VideoVersion version = found.get();
    requireOwnUpload(version);
    requireNoChunkWrite(version);
    UploadStatus status = status(version);
    if (status.received().size() != status.chunkCount()) {
      throw new ConflictException(
          (status.chunkCount() - status.received().size()) + " chunk(s) still missing");
    }
    complete(version);
    return Optional.of(version.id());
  }

  /** Closes a streamed upload of {@code size} bytes, all of them stored. */
  public void markUploadedWhole(String versionId, long size) {
    VideoVersion version = own(versionId);
    version.sizeKnown(size);
    complete(version);
  }

  /** Marks an upload refused before any job ran; {@code reason} is a RejectionReason name. */
  public void rejectUpload(String versionId, String reason) {
    VideoVersion version = own(versionId);
    version.failedBecause(reason, null);
    lifecycle.apply(version, VideoTransition.REJECT_UPLOAD, caller.require().userId(), null);
  }

  /**
   * Forgets an upload that broke off before it was complete (its chunks are deleted), as {@link
   * VideoLifecycle#discard} does.
   */
  public void forgetUpload(String versionId) {
    Optional.ofNullable(em.find(VideoVersion.class, versionId))
        .filter(v -> v.state() == VideoState.UPLOADING)
        .ifPresent(lifecycle::discard);
  }

  private void complete(VideoVersion version) {
    lifecycle.apply(version, VideoTransition.COMPLETE_UPLOAD, caller.require().userId(), null);
  }

  private VideoVersion own(String versionId) {
    VideoVersion version =
        Optional.ofNullable(em.find(VideoVersion.class, versionId, LockModeType.PESSIMISTIC_WRITE))
            .orElseThrow();
    requireOwnUpload(version);
    return version;
  }

  private Optional<VideoVersion> locked(String id) {
    return finder.latest(id, LockModeType.PESSIMISTIC_WRITE);
  }

  private void requireNoChunkWrite(VideoVersion version) {
    // Declared with size 0 and still uploading: a whole-body upload still streaming (a declared
    // empty one is rejected at once), which completes by itself when its last byte is stored.
    if (version.chunkCount() == 0) {
      throw new ConflictException("this upload is still arriving in one request");
    }
    em.createNamedQuery(VideoChunkWrite.OF_VERSION, VideoChunkWrite.class)
        .setParameter("versionId", version.id())
        .getResultStream()
        .filter(w -> w.mayStillStore(clock.instant(), chunkWriteTimeout.plus(WRITE_GRACE)))
        .findFirst()
        .ifPresent(
            w -> {
              throw new ConflictException(
                  "chunk " + w.chunkIndex() + " is still being uploaded: complete after it");
            });
  }

  private UploadStatus status(VideoVersion version) {
    List<Integer> received =
        em.createNamedQuery(VideoChunk.OF_VERSION, Integer.class)
            .setParameter("versionId", version.id())
            .getResultList();
    return new UploadStatus(
        version.videoId(),
        version.state().name(),
        version.declaredSize(),
        version.chunkSize(),
        version.chunkCount(),
        received,
        version.number());
  }

  private void requireOwnUpload(VideoVersion version) {
    if (!version.uploaderId().equals(caller.require().userId())) {
      throw new ConflictException("only the uploader can continue this upload");
    }
    if (version.state() != VideoState.UPLOADING) {
      throw new ConflictException("the upload of this video is already complete");
    }
  }
}
