package io.kursfilm.video.boundary;

import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.FreeText;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.sealed.SealedObjectException;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.transcoder.job.VideoObjects;
import io.kursfilm.video.entity.VideoCaption;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
  @Inject Videos videos;
  @Inject SealedObjects sealed;
  @Inject ObjectStore store;
  @Inject Clock clock;

  public List<CaptionView> list(String videoId) {
    return em.createNamedQuery(VideoCaption.OF_VIDEO, VideoCaption.class)
        .setParameter("videoId", videoId)
        .getResultStream()
        .map(c -> new CaptionView(c.language(), c.label()))
        .toList();
  }

  /** Adds or replaces the captions of {@code language}; false when the video is not visible. */
  @RolesAllowed(Role.Names.TRAINER)
  public boolean put(String videoId, String language, String label, InputStream body) {
    if (videos.find(videoId).isEmpty()) {
      return false;
    }
    if (language == null || !LANGUAGE.matcher(language).matches()) {
      throw new IllegalArgumentException("language: a language tag such as de or en-GB");
    }
    String shown = label == null || label.isBlank() ? language : label.strip();
    if (shown.length() > 64) {
      throw new IllegalArgumentException("label: at most 64 characters");
    }
    FreeText.line("label", shown);
    byte[] text = webVtt(body);
    sealed.seal(
        caller.require().tenantId(),
        VideoObjects.caption(videoId, language),
        new ByteArrayInputStream(text));
    VideoCaption caption = em.find(VideoCaption.class, new VideoCaption.Key(videoId, language));
    if (caption == null) {
      em.persist(new VideoCaption(videoId, language, shown, clock.instant()));
    } else {
      caption.relabel(shown, clock.instant());
    }
    return true;
  }

  /**
   * Removes the captions of {@code language}, row and sealed text; false when the video is not
   * visible or has no captions in that language. The row goes first, in this transaction: a failed
   * object delete rolls it back, so the list never names text that is gone.
   */
  @RolesAllowed(Role.Names.TRAINER)
  public boolean remove(String videoId, String language) {
    if (videos.find(videoId).isEmpty()) {
      return false;
    }
    VideoCaption caption = em.find(VideoCaption.class, new VideoCaption.Key(videoId, language));
    if (caption == null) {
      return false;
    }
    em.remove(caption);
    em.flush();
    store.delete(caller.require().tenantId(), VideoObjects.caption(videoId, language));
    return true;
  }

  /** The WebVTT text, when the caller may watch the video and the language exists. */
  public Optional<byte[]> read(String videoId, String language) {
    if (videos.watchableRendition(videoId).isEmpty()
        || em.find(VideoCaption.class, new VideoCaption.Key(videoId, language)) == null) {
      return Optional.empty();
    }
    try (InputStream in =
        sealed.open(caller.require().tenantId(), VideoObjects.caption(videoId, language))) {
      return Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SealedObjectException e) {
      return Optional.empty();
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
