package io.kursfilm.video.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.identity.boundary.PasswordHashes;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.storage.sealed.SealedObjectException;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantView;
import io.kursfilm.transcoder.job.VideoObjects;
import io.kursfilm.video.boundary.GuestOpening.Outcome;
import io.kursfilm.video.control.GuestGrants;
import io.kursfilm.video.control.GuestTokens;
import io.kursfilm.video.control.PlaybackCache;
import io.kursfilm.video.control.VersionChanges;
import io.kursfilm.video.control.VersionFinder;
import io.kursfilm.video.entity.GuestLink;
import io.kursfilm.video.entity.GuestLinkKey;
import io.kursfilm.video.entity.VideoCaption;
import io.kursfilm.video.entity.VideoVersion;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Watching through a guest link, without an account: opening the link (its token, and its password
 * where it has one; audited by link id and time, nothing about the guest), then the published
 * version's HLS files through a grant bound to the link. Every file request checks the link again:
 * not revoked, not expired, the video still published, the company active. The tenant is bound from
 * the link itself, found by its token's hash (or its id) before any tenant is known.
 */
@Stateless
@PermitAll
public class GuestPlayback {

  /** How long one opening plays before the page must be opened again. */
  static final Duration GRANT_TTL = Duration.ofHours(8);

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject TenantFilter filter;
  @Inject TenantDirectory tenants;
  @Inject VersionFinder finder;
  @Inject GuestGrants grants;
  @Inject PasswordHashes passwords;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject SealedObjects sealed;
  @Inject PlaybackCache cache;
  @Inject VersionChanges changes;

  /**
   * Opens the link behind {@code token}; {@code password} may be null. A wrong password counts
   * against the link (blocked for a while after five), so this commits whatever it answers.
   */
  public GuestOpening openLink(String token, char[] password) {
    try {
      if (!GuestTokens.wellFormed(token)) {
        return GuestOpening.of(Outcome.UNKNOWN);
      }
      Optional<GuestLinkKey> key =
          em.createNamedQuery(GuestLinkKey.BY_TOKEN_HASH, GuestLinkKey.class)
              .setParameter("hash", GuestTokens.hash(token))
              .getResultStream()
              .findFirst();
      if (key.isEmpty() || !active(key.get().tenantId())) {
        return GuestOpening.of(key.isEmpty() ? Outcome.UNKNOWN : Outcome.ENDED);
      }
      String tenantId = key.get().tenantId();
      filter.bind(tenantId);
      // Locked: parallel guesses must each count against the throttle, and parallel openings
      // must not fail each other's optimistic check.
      GuestLink link = em.find(GuestLink.class, key.get().id(), LockModeType.PESSIMISTIC_WRITE);
      Instant now = clock.instant();
      Optional<VideoVersion> version = playable(link, now);
      if (version.isEmpty()) {
        return GuestOpening.of(Outcome.ENDED);
      }
      Optional<GuestOpening> refused = checkPassword(link, password, now, tenantId);
      return refused.orElseGet(() -> opened(link, version.get(), now, tenantId));
    } finally {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }

  /** Empty when the link has no password or the right one was given; else the refusal. */
  private Optional<GuestOpening> checkPassword(
      GuestLink link, char[] password, Instant now, String tenantId) {
    if (link.passwordHash().isEmpty()) {
      return Optional.empty();
    }
    if (password == null || password.length == 0) {
      return Optional.of(GuestOpening.of(Outcome.PASSWORD_REQUIRED));
    }
    if (link.blockedAt(now)) {
      long wait = Duration.between(now, link.blockedUntil().orElseThrow()).toSeconds() + 1;
      return Optional.of(new GuestOpening(Outcome.THROTTLED, null, null, List.of(), wait));
    }
    if (passwords.verify(password, link.passwordHash().get())) {
      return Optional.empty();
    }
    link.passwordFailed(now);
    audit.recordInTransaction(
        AuditEvent.of(Action.GUEST_LINK_REFUSED)
            .tenant(tenantId, null)
            .actor(null)
            .subject("guest-link", link.id()));
    return Optional.of(GuestOpening.of(Outcome.WRONG_PASSWORD));
  }

  /** Counts and audits the opening; the grant lasts {@link #GRANT_TTL} or until the link ends. */
  private GuestOpening opened(GuestLink link, VideoVersion version, Instant now, String tenantId) {
    link.opened();
    audit.recordInTransaction(
        AuditEvent.of(Action.GUEST_LINK_OPENED)
            .tenant(tenantId, null)
            .actor(null)
            .subject("guest-link", link.id()));
    Instant until = now.plus(GRANT_TTL);
    if (until.isAfter(link.expiresAt())) {
      until = link.expiresAt();
    }
    List<CaptionView> captions =
        changes.captions(version.id()).stream()
            .map(c -> new CaptionView(c.language(), c.label()))
            .toList();
    return new GuestOpening(
        Outcome.OPENED, grants.issue(link.id(), until), version.details().title(), captions, 0);
  }

  /**
   * The file at {@code path} of the published version, for the holder of a grant of a link that
   * still opens; empty otherwise (and for any path outside the rendition).
   */
  public Optional<PlaybackFile> file(String grant, String path) {
    if (!Playback.PATH.matcher(path).matches()) {
      return Optional.empty();
    }
    return access(grant)
        .flatMap(
            a -> {
              Optional<String> prefix = a.version().rendition();
              if (prefix.isEmpty()) {
                return Optional.empty();
              }
              String objectId = prefix.get() + "/" + path;
              try {
                return cache
                    .receipt(a.tenantId(), objectId, id -> sealed.describe(a.tenantId(), id))
                    .map(r -> Playback.fileOf(r, path));
              } catch (SealedObjectException e) {
                return Optional.empty();
              }
            });
  }

  /** The WebVTT captions of {@code language} of the published version, for a grant's holder. */
  public Optional<byte[]> captions(String grant, String language) {
    if (language == null || !language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
      return Optional.empty();
    }
    return access(grant)
        .filter(
            a ->
                em.find(VideoCaption.class, new VideoCaption.Key(a.version().id(), language))
                    != null)
        .flatMap(
            a -> {
              try (InputStream in =
                  sealed.open(a.tenantId(), VideoObjects.caption(a.version().id(), language))) {
                return Optional.of(in.readAllBytes());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              } catch (SealedObjectException e) {
                return Optional.empty();
              }
            });
  }

  /** What a valid grant reaches: its tenant (now bound) and the published version it plays. */
  private record Access(String tenantId, VideoVersion version) {}

  /**
   * Checks a grant and its link afresh, reading the rows rather than the playback cache: a revoked
   * link or an archived video stops at the next request on every node.
   */
  private Optional<Access> access(String grant) {
    Optional<GuestGrants.Grant> parsed = GuestGrants.parse(grant);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    GuestLinkKey key = em.find(GuestLinkKey.class, parsed.get().linkId());
    if (key == null || !active(key.tenantId())) {
      return Optional.empty();
    }
    filter.bind(key.tenantId());
    Instant now = clock.instant();
    if (!grants.valid(parsed.get(), now)) {
      return Optional.empty();
    }
    return playable(em.find(GuestLink.class, key.id()), now)
        .map(v -> new Access(key.tenantId(), v));
  }

  private boolean active(String tenantId) {
    return tenants.find(tenantId).map(TenantView::isActive).orElse(false);
  }

  /** The published version the link plays, while the link opens and the video is published. */
  private Optional<VideoVersion> playable(GuestLink link, Instant now) {
    if (link == null || !link.opensAt(now)) {
      return Optional.empty();
    }
    return finder
        .video(link.videoId())
        .flatMap(finder::published)
        .filter(v -> v.state() == VideoState.PUBLISHED);
  }
}
