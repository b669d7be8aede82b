package io.kursfilm.video.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.FreeText;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.video.control.Rendition;
import io.kursfilm.video.entity.Video;
import io.kursfilm.video.entity.VideoChunk;
import io.kursfilm.video.entity.VideoChunkWrite;
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
 * The videos of the caller's tenant and their rows: short transactions only. Byte streaming lives
 * in {@link VideoUploads}, which calls in here before and after. Employees see published videos
 * only; a video is changed by its uploader or a tenant admin.
 */
@Stateless
@TenantScoped
@RolesAllowed({Role.Names.TRAINER, Role.Names.CRITIC, Role.Names.TENANT_ADMIN, Role.Names.EMPLOYEE})
public class Videos {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  /**
   * Time after a write's last byte for its sealed chunk to reach the object store; a write older
   * than the timeout and this has certainly ended.
   */
  private static final Duration WRITE_GRACE = Duration.ofMinutes(2);

  @Inject Caller caller;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** Longest a chunk write may take; {@link VideoUploads} aborts one that takes longer. */
  @Inject
  @ConfigProperty(name = "kursfilm.video.chunk-write-timeout")
  Duration chunkWriteTimeout;

  public List<VideoView> list(Optional<VideoState> state) {
    AuthenticatedCaller who = caller.require();
    if (!seesUnpublished(who)) {
      state = Optional.of(VideoState.PUBLISHED);
    }
    var query =
        state.isPresent()
            ? em.createNamedQuery(Video.IN_STATE, Video.class).setParameter("state", state.get())
            : em.createNamedQuery(Video.ALL, Video.class);
    return query.getResultStream().map(v -> VideoView.of(v, who.userId())).toList();
  }

  public Optional<VideoView> find(String id) {
    return visible(id).map(v -> VideoView.of(v, caller.require().userId()));
  }

  /** Starts an upload of {@code size} bytes; the caller then sends its chunks. */
  @RolesAllowed(Role.Names.TRAINER)
  public UploadStatus declare(VideoDetails details, long size, int chunkSize) {
    Video video =
        new Video(caller.require().userId(), valid(details), size, chunkSize, clock.instant());
    em.persist(video);
    return status(video);
  }

  @RolesAllowed(Role.Names.TRAINER)
  public Optional<UploadStatus> uploadStatus(String id) {
    return visible(id).map(this::status);
  }

  /**
   * Registers a write of chunk {@code index} before its bytes stream. Takes the video's row lock,
   * as {@link #markUploaded} does, so either the upload is still open and completing it waits for
   * this write, or it is closed and the chunk is refused.
   *
   * @throws ConflictException when the upload is complete or not the caller's
   */
  @RolesAllowed(Role.Names.TRAINER)
  public Optional<ChunkWrite> beginChunk(String id, int index) {
    Optional<Video> found = locked(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Video video = found.get();
    requireOwnUpload(video);
    long length = video.chunkLength(index);
    VideoChunkWrite write = new VideoChunkWrite(id, index, clock.instant());
    em.persist(write);
    return Optional.of(new ChunkWrite(write.id(), length));
  }

  /**
   * Ends a write whose chunk is stored and records the chunk. False when the video was deleted
   * meanwhile: the caller then deletes the chunk, which nothing else would.
   */
  @RolesAllowed(Role.Names.TRAINER)
  public boolean finishChunk(String id, ChunkWrite write, int index) {
    Optional<Video> video = locked(id);
    if (video.isEmpty()) {
      return false;
    }
    endWrite(write);
    // Cannot happen while writes end within chunkWriteTimeout: completing waited for this one.
    if (video.get().state() != VideoState.UPLOADING) {
      throw new ConflictException("the upload of this video is already complete");
    }
    if (em.find(VideoChunk.class, new VideoChunk.Key(id, index)) == null) {
      em.persist(new VideoChunk(id, index, write.length()));
    }
    return true;
  }

  /**
   * Ends a write that failed. Its index holds no chunk any more (a failed put removes an older one
   * too), so a chunk recorded there before is forgotten and must be sent again.
   */
  @RolesAllowed(Role.Names.TRAINER)
  public void abortChunk(String id, ChunkWrite write, int index) {
    if (locked(id).filter(v -> v.state() == VideoState.UPLOADING).isEmpty()) {
      return;
    }
    endWrite(write);
    Optional.ofNullable(em.find(VideoChunk.class, new VideoChunk.Key(id, index)))
        .ifPresent(em::remove);
  }

  private void endWrite(ChunkWrite write) {
    Optional.ofNullable(em.find(VideoChunkWrite.class, write.id())).ifPresent(em::remove);
  }

  /**
   * Closes an upload whose chunks are all stored: the original is complete.
   *
   * @throws ConflictException when chunks are missing
   */
  @RolesAllowed(Role.Names.TRAINER)
  public Optional<VideoView> markUploaded(String id) {
    // Row lock: parallel completions of one upload queue up here, and all but the first then find
    // it complete (409) instead of failing on the version check at commit.
    Optional<Video> found = locked(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Video video = found.get();
    requireOwnUpload(video);
    requireNoChunkWrite(video);
    UploadStatus status = status(video);
    if (status.received().size() != status.chunkCount()) {
      throw new ConflictException(
          (status.chunkCount() - status.received().size()) + " chunk(s) still missing");
    }
    video.uploaded(clock.instant());
    audit.recordInTransaction(AuditEvent.of(Action.VIDEO_UPLOADED).subject("video", id));
    return Optional.of(VideoView.of(video, caller.require().userId()));
  }

  /** Closes a streamed upload of {@code size} bytes, all of them stored. */
  @RolesAllowed(Role.Names.TRAINER)
  public VideoView markUploadedWhole(String id, long size) {
    Video video = visible(id).orElseThrow();
    requireOwnUpload(video);
    video.uploadedWhole(size, clock.instant());
    audit.recordInTransaction(AuditEvent.of(Action.VIDEO_UPLOADED).subject("video", id));
    return VideoView.of(video, caller.require().userId());
  }

  /** Marks an upload refused before any job ran; {@code reason} is a RejectionReason name. */
  @RolesAllowed(Role.Names.TRAINER)
  public VideoView rejectUpload(String id, String reason) {
    Video video = visible(id).orElseThrow();
    video.rejectUpload(reason, clock.instant());
    audit.recordInTransaction(
        AuditEvent.of(Action.VIDEO_REJECTED).subject("video", id).detail("reason", reason));
    return VideoView.of(video, caller.require().userId());
  }

  /** Forgets an upload that broke off before it was complete (its chunks are deleted). */
  @RolesAllowed(Role.Names.TRAINER)
  public void forgetUpload(String id) {
    visible(id).filter(v -> v.state() == VideoState.UPLOADING).ifPresent(em::remove);
  }

  /** Asks the pipeline to stop and discard the video. */
  @RolesAllowed({Role.Names.TRAINER, Role.Names.TENANT_ADMIN})
  public boolean cancel(String id) {
    Optional<Video> video = visible(id);
    video.ifPresent(
        v -> {
          requireMayChange(v);
          v.requestCancel(clock.instant());
          audit.recordInTransaction(AuditEvent.of(Action.VIDEO_CANCELLED).subject("video", id));
        });
    return video.isPresent();
  }

  /**
   * Removes the row of a video that no job works on; the caller deletes its objects.
   *
   * @throws ConflictException while a transcode job may be working on it (cancel instead)
   */
  @RolesAllowed({Role.Names.TRAINER, Role.Names.TENANT_ADMIN})
  public boolean remove(String id) {
    Optional<Video> video = visible(id);
    video.ifPresent(
        v -> {
          requireMayChange(v);
          if (v.state().inPipeline()) {
            throw new ConflictException("this video is being processed: cancel it instead");
          }
          em.remove(v);
          audit.recordInTransaction(AuditEvent.of(Action.VIDEO_DELETED).subject("video", id));
        });
    return video.isPresent();
  }

  /** The rendition prefix of a video the caller may watch. */
  public Optional<String> watchableRendition(String id) {
    AuthenticatedCaller who = caller.require();
    return rendition(id).filter(r -> mayWatch(who, r.state())).map(Rendition::prefix);
  }

  /**
   * The rendition and state of a video of the caller's tenant, whether or not the caller may watch
   * it: for {@link Playback}, which keeps it a few seconds and applies {@link #mayWatch} to every
   * request itself.
   */
  public Optional<Rendition> rendition(String id) {
    return Optional.ofNullable(em.find(Video.class, id))
        .flatMap(v -> v.rendition().map(prefix -> new Rendition(v.state(), prefix)));
  }

  /** Whether {@code who} may watch a video in {@code state}: employees published ones only. */
  static boolean mayWatch(AuthenticatedCaller who, VideoState state) {
    return state.playable() && (seesUnpublished(who) || state == VideoState.PUBLISHED);
  }

  private Optional<Video> visible(String id) {
    return visible(id, LockModeType.NONE);
  }

  private Optional<Video> visible(String id, LockModeType lock) {
    AuthenticatedCaller who = caller.require();
    return Optional.ofNullable(em.find(Video.class, id, lock))
        .filter(v -> seesUnpublished(who) || v.state() == VideoState.PUBLISHED);
  }

  /**
   * Like {@link #visible}, holding the row's write lock until the transaction ends: chunk writes
   * and completing an upload are serialised on it.
   */
  private Optional<Video> locked(String id) {
    return visible(id, LockModeType.PESSIMISTIC_WRITE);
  }

  private void requireNoChunkWrite(Video video) {
    // Declared with size 0 and still uploading: a whole-body upload still streaming (a declared
    // empty one is rejected at once), which completes by itself when its last byte is stored.
    if (video.chunkCount() == 0) {
      throw new ConflictException("this upload is still arriving in one request");
    }
    em.createNamedQuery(VideoChunkWrite.OF_VIDEO, VideoChunkWrite.class)
        .setParameter("videoId", video.id())
        .getResultStream()
        .filter(w -> w.mayStillStore(clock.instant(), chunkWriteTimeout.plus(WRITE_GRACE)))
        .findFirst()
        .ifPresent(
            w -> {
              throw new ConflictException(
                  "chunk " + w.chunkIndex() + " is still being uploaded: complete after it");
            });
  }

  private UploadStatus status(Video video) {
    List<Integer> received =
        em.createNamedQuery(VideoChunk.OF_VIDEO, Integer.class)
            .setParameter("videoId", video.id())
            .getResultList();
    return new UploadStatus(
        video.id(),
        video.state().name(),
        video.declaredSize(),
        video.chunkSize(),
        video.chunkCount(),
        received);
  }

  private void requireOwnUpload(Video video) {
    if (!video.uploaderId().equals(caller.require().userId())) {
      throw new ConflictException("only the uploader can continue this upload");
    }
    if (video.state() != VideoState.UPLOADING) {
      throw new ConflictException("the upload of this video is already complete");
    }
  }

  private void requireMayChange(Video video) {
    AuthenticatedCaller who = caller.require();
    if (!who.has(Role.TENANT_ADMIN) && !video.uploaderId().equals(who.userId())) {
      throw new ConflictException("only the uploader or a tenant admin can change this video");
    }
  }

  private static boolean seesUnpublished(AuthenticatedCaller who) {
    return who.has(Role.TRAINER) || who.has(Role.CRITIC) || who.has(Role.TENANT_ADMIN);
  }

  private static VideoDetails valid(VideoDetails d) {
    if (d.title() == null || d.title().isBlank()) {
      throw new IllegalArgumentException("title: required");
    }
    if (d.title().length() > 200) {
      throw new IllegalArgumentException("title: at most 200 characters");
    }
    if (d.description() != null && d.description().length() > 4000) {
      throw new IllegalArgumentException("description: at most 4000 characters");
    }
    if (d.tags() != null && d.tags().length() > 500) {
      throw new IllegalArgumentException("tags: at most 500 characters");
    }
    FreeText.line("title", d.title());
    FreeText.multiLine("description", d.description());
    FreeText.line("tags", d.tags());
    if (d.language() != null && !d.language().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
      throw new IllegalArgumentException("language: a language tag such as de or en-GB");
    }
    return d;
  }
}
