package io.kursfilm.video.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.identity.boundary.PasswordHashes;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.video.control.GuestTokens;
import io.kursfilm.video.control.Rendition;
import io.kursfilm.video.control.VersionFinder;
import io.kursfilm.video.entity.GuestLink;
import io.kursfilm.video.entity.Video;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guest links of a published video, managed by the video's trainers and the tenant's admins: create
 * (the URL with its token is handed out once), list, revoke. A video of another tenant is not
 * found; a trainer who is not one of the video's trainers is refused. Every change is audited.
 */
@Stateless
@TenantScoped
@RolesAllowed({Role.Names.TRAINER, Role.Names.TENANT_ADMIN})
public class GuestLinks {

  static final int MIN_PASSWORD = 8;
  static final int MAX_PASSWORD = 128;
  static final int MAX_DAYS = 365;

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditLog audit;
  @Inject VersionFinder finder;
  @Inject PasswordHashes passwords;

  @Inject
  @ConfigProperty(name = "kursfilm.base-url")
  String baseUrl;

  /** A new link to the video's published version; empty when there is no such video. */
  public Optional<CreatedGuestLink> create(String videoId, NewGuestLink request) {
    if (request == null) {
      throw new IllegalArgumentException("body {\"expiresAt\"|\"validDays\", ...} required");
    }
    Optional<Video> video = mayManage(videoId);
    if (video.isEmpty()) {
      return Optional.empty();
    }
    boolean published =
        finder
            .rendition(videoId, "published")
            .map(Rendition::state)
            .filter(s -> s == VideoState.PUBLISHED)
            .isPresent();
    if (!published) {
      throw new ConflictException("only a published video can be shared with guests");
    }
    Instant now = clock.instant();
    String token = GuestTokens.newToken();
    GuestLink link =
        new GuestLink(
            videoId,
            GuestTokens.hash(token),
            request.label(),
            hashedPassword(request.password()),
            caller.require().userId(),
            now,
            end(request, now));
    em.persist(link);
    audit.recordInTransaction(
        AuditEvent.of(Action.GUEST_LINK_CREATED)
            .subject("guest-link", link.id())
            .detail("video", videoId)
            .detail("password", Boolean.toString(link.passwordHash().isPresent())));
    return Optional.of(new CreatedGuestLink(link.id(), url(token), link.expiresAt()));
  }

  /** The video's links, newest first; empty when there is no such video. */
  public Optional<List<GuestLinkView>> list(String videoId) {
    if (mayManage(videoId).isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return Optional.of(
        em.createNamedQuery(GuestLink.OF_VIDEO, GuestLink.class)
            .setParameter("videoId", videoId)
            .getResultStream()
            .map(l -> view(l, now))
            .toList());
  }

  /** Revokes a link of the video at once; empty when there is no such video or link. */
  public Optional<GuestLinkView> revoke(String videoId, String linkId) {
    if (mayManage(videoId).isEmpty() || linkId == null) {
      return Optional.empty();
    }
    Optional<GuestLink> link =
        Optional.ofNullable(em.find(GuestLink.class, linkId))
            .filter(l -> l.videoId().equals(videoId));
    Instant now = clock.instant();
    link.ifPresent(
        l -> {
          if (l.revokedAt().isEmpty()) {
            l.revoke(now);
            audit.recordInTransaction(
                AuditEvent.of(Action.GUEST_LINK_REVOKED)
                    .subject("guest-link", l.id())
                    .detail("video", videoId));
          }
        });
    return link.map(l -> view(l, now));
  }

  private Optional<Video> mayManage(String videoId) {
    if (videoId == null) {
      return Optional.empty();
    }
    Optional<Video> video = finder.video(videoId);
    AuthenticatedCaller who = caller.require();
    if (video.isPresent() && !who.has(Role.TENANT_ADMIN) && !finder.isTrainerOf(videoId, who)) {
      throw new EJBAccessException("only the video's trainers or a tenant admin manage its links");
    }
    return video;
  }

  private static Instant end(NewGuestLink request, Instant now) {
    if ((request.expiresAt() == null) == (request.validDays() == null)) {
      throw new IllegalArgumentException("give exactly one of expiresAt and validDays");
    }
    if (request.validDays() != null) {
      int days = request.validDays();
      if (days < 1 || days > MAX_DAYS) {
        throw new IllegalArgumentException("validDays: 1 to " + MAX_DAYS);
      }
      return now.plus(Duration.ofDays(days));
    }
    return request.expiresAt();
  }

  private String hashedPassword(String password) {
    if (password == null) {
      return null;
    }
    if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
      throw new IllegalArgumentException(
          "password: " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
    }
    return passwords.hash(password.toCharArray());
  }

  private String url(String token) {
    String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    return base + "guest.xhtml?t=" + token;
  }

  static GuestLinkView view(GuestLink l, Instant now) {
    return new GuestLinkView(
        l.id(),
        l.label().orElse(null),
        l.createdAt(),
        l.expiresAt(),
        l.revokedAt().isPresent(),
        !now.isBefore(l.expiresAt()),
        l.passwordHash().isPresent(),
        l.openings());
  }
}
