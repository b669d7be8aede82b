package io.kursfilm.web.ui;

import io.kursfilm.video.boundary.GuestOpening;
import io.kursfilm.video.boundary.GuestPlayback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The public guest player (guest.xhtml?t=…): opens the link, asks for its password where it has
 * one, then plays the published version through the grant of this opening. No login, nothing about
 * the guest is kept. REST twin {@code POST /guest/open}.
 */
@Named("guest")
@ViewScoped
public class GuestBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient GuestPlayback playback;

  private String token;
  private String password;
  private GuestOpening.Outcome outcome;
  private String grant;
  private String title;
  private List<Track> tracks = List.of();

  /** A caption track of the published version. */
  public record Track(String language, String label) implements Serializable {
    public String getLanguage() {
      return language;
    }

    public String getLabel() {
      return label;
    }
  }

  public void load() {
    apply(playback.openLink(token, null));
  }

  public void submit() {
    char[] typed = password == null ? new char[0] : password.toCharArray();
    password = null;
    apply(playback.openLink(token, typed));
    if (outcome == GuestOpening.Outcome.WRONG_PASSWORD) {
      Messages.error("guest.wrong-password");
    } else if (outcome == GuestOpening.Outcome.THROTTLED) {
      Messages.error("guest.throttled");
    }
  }

  private void apply(GuestOpening opening) {
    outcome = opening.outcome();
    grant = opening.grant();
    title = opening.title();
    tracks =
        opening.captions().stream()
            .map(c -> new Track(c.language(), c.label()))
            .collect(Collectors.toCollection(ArrayList::new));
  }

  public List<Track> getTracks() {
    return tracks;
  }

  /** Where the player finds the captions of {@code language} for this opening. */
  public String captionsOf(String language) {
    return "/api/v1/guest/" + grant + "/captions/" + language + ".vtt";
  }

  public boolean isOpened() {
    return outcome == GuestOpening.Outcome.OPENED;
  }

  /** The password form stays while a password is asked for, wrong or throttled. */
  public boolean isAsking() {
    return outcome == GuestOpening.Outcome.PASSWORD_REQUIRED
        || outcome == GuestOpening.Outcome.WRONG_PASSWORD
        || outcome == GuestOpening.Outcome.THROTTLED;
  }

  public boolean isInvalid() {
    return !isOpened() && !isAsking();
  }

  /** The master playlist of this opening, relative to the context path. */
  public String getPlaylist() {
    return grant == null ? null : "/api/v1/guest/" + grant + "/hls/master.m3u8";
  }

  public String getTitle() {
    return title;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
