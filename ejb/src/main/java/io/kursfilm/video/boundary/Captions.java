package io.kursfilm.video.boundary;

import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.FreeText;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.sealed.SealedObjectException;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.transcoder.job.VideoObjects;
import io.kursfilm.video.control.Rendition;
import io.kursfilm.video.control.VersionChanges;
import io.kursfilm.video.control.VersionFinder;
import io.kursfilm.video.entity.VideoCaption;
import io.kursfilm.video.entity.VideoVersion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * WebVTT captions per language: trainers add, replace or remove them, everyone who may watch the
 * video reads them. The text is checked to be WebVTT and sealed like every other tenant byte.
 */
@Stateless
@TenantScoped
@RolesAllowed({Role.Names.TRAINER, Role.Names.CRITIC, Role.Names.TENANT_ADMIN, Role.Names.EMPLOYEE})
public class Captions {

  /** Enough for hours of subtitles; anything bigger is not a caption file. */
  static final int MAX_BYTES = 1 << 20;

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Caller caller;
  @Inject VersionFinder finder;
  @Inject VersionChanges changes;
  @Inject SealedObjects sealed;
  @Inject ObjectStore store;
  @Inject Clock clock;

  /** The captions of the version the caller sees; empty when the caller sees none. */
  public List<CaptionView> list(String videoId) {
    return shownVersion(videoId)
        .map(
            versionId ->
                changes.captions(versionId).stream()
                    .map(c -> new CaptionView(c.language(), c.label()))
                    .toList())
        .orElse(List.of());
  }

  /**
   * Adds or replaces the captions of {@code language}; false when the video is not the tenant's.
   * Only the video's trainers. Once a critic may have seen the newest version, the change makes a
   * new version that goes back to review (see {@link VersionChanges}).
   */
  @RolesAllowed(Role.Names.TRAINER)
  public boolean put(String videoId, String language, String label, InputStream body) {
    if (language == null || !LANGUAGE.matcher(language).matches()) {
      throw new IllegalArgumentException("language: a language tag such as de or en-GB");
    }
    String shown = label == null || label.isBlank() ? language : label.strip();
    if (shown.length() > 64) {
      throw new IllegalArgumentException("label: at most 64 characters");
    }
    FreeText.line("label", shown);
    byte[] text = webVtt(body);
    Optional<VersionChanges.Target> target = target(videoId, language);
    if (target.isEmpty()) {
      return false;
    }
    String versionId = target.get().version().id();
    sealed.seal(
        tenant(), VideoObjects.caption(versionId, language), new ByteArrayInputStream(text));
    String sha256 = HexFormat.of().formatHex(sha256(text));
    VideoCaption caption = em.find(VideoCaption.class, new VideoCaption.Key(versionId, language));
    if (caption == null) {
      em.persist(new VideoCaption(versionId, language, shown, sha256, clock.instant()));
    } else {
      caption.replace(shown, sha256, clock.instant());
    }
    return true;
  }

  /**
   * Removes the captions of {@code language}; false when the video is not the tenant's or has no
   * captions in that language. In place before review, else in a new version (see {@link #put}).
   * The row goes first, in this transaction: a failed object delete rolls it back, so the list
   * never names text that is gone.
   */
  @RolesAllowed(Role.Names.TRAINER)
  public boolean remove(String videoId, String language) {
    Optional<VideoVersion> latest = finder.latest(videoId, LockModeType.PESSIMISTIC_WRITE);
    if (latest.isEmpty()
        || em.find(VideoCaption.class, new VideoCaption.Key(latest.get().id(), language)) == null) {
      return false;
    }
    VersionChanges.Target target = target(videoId, language).orElseThrow();
    String versionId = target.version().id();
    VideoCaption caption = em.find(VideoCaption.class, new VideoCaption.Key(versionId, language));
    em.remove(caption);
    em.flush();
    if (!target.derived()) {
      store.delete(tenant(), VideoObjects.caption(versionId, language));
    }
    return true;
  }

  /**
   * The WebVTT text of the version behind {@code selector} (null: the one the caller sees), when
   * the caller may watch it and the language exists.
   */
  public Optional<byte[]> read(String videoId, String selector, String language) {
    AuthenticatedCaller who = caller.require();
    String chosen = selector == null ? Videos.defaultSelector(who) : selector;
    Optional<Rendition> rendition =
        finder.rendition(videoId, chosen).filter(r -> Videos.mayWatch(who, chosen, r.state()));
    if (rendition.isEmpty()
        || em.find(VideoCaption.class, new VideoCaption.Key(rendition.get().versionId(), language))
            == null) {
      return Optional.empty();
    }
    try (InputStream in =
        sealed.open(tenant(), VideoObjects.caption(rendition.get().versionId(), language))) {
      return Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SealedObjectException e) {
      return Optional.empty();
    }
  }

  private Optional<String> shownVersion(String videoId) {
    AuthenticatedCaller who = caller.require();
    String selector = Videos.defaultSelector(who);
    return finder
        .rendition(videoId, selector)
        .filter(r -> Videos.mayWatch(who, selector, r.state()))
        .map(Rendition::versionId)
        .or(
            () ->
                Videos.seesUnpublished(who)
                    ? finder.latest(videoId, LockModeType.NONE).map(VideoVersion::id)
                    : Optional.empty());
  }

  private Optional<VersionChanges.Target> target(String videoId, String language) {
    Optional<VideoVersion> latest = finder.latest(videoId, LockModeType.PESSIMISTIC_WRITE);
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    finder.requireTrainerOf(videoId, caller.require());
    return Optional.of(changes.target(latest.get(), caller.require().userId(), null, language));
  }

  private String tenant() {
    return caller.require().tenantId();
  }

  private static byte[] sha256(byte[] text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] webVtt(InputStream body) {
    try {
      byte[] text = body.readNBytes(MAX_BYTES + 1);
      if (text.length > MAX_BYTES) {
        throw new IllegalArgumentException("captions: at most " + MAX_BYTES + " bytes");
      }
      String head = new String(text, 0, Math.min(text.length, 16), StandardCharsets.UTF_8);
      if (!head.replace("\uFEFF", "").startsWith("WEBVTT")) {
        throw new IllegalArgumentException("captions: not a WebVTT file (must start with WEBVTT)");
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
