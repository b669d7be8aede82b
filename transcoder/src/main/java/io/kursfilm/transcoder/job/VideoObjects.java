package io.kursfilm.transcoder.job;

import io.kursfilm.transcoder.hls.HlsTranscoder;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Object ids of a video version's bytes in its tenant's bucket ({@code videoId} is the version's
 * id; a first version has its video's). Everything of one version lies under {@link #video}, so
 * deleting it is one prefix delete; each transcode attempt writes its rendition under a fresh id
 * and only the published one is kept.
 */
public final class VideoObjects {

  private static final SecureRandom RANDOM = new SecureRandom();

  private VideoObjects() {}

  public static String video(String videoId) {
    return "videos/" + videoId + "/";
  }

  /** Prefix of the sealed chunks of the uploaded original. */
  public static String original(String videoId) {
    return video(videoId) + "original";
  }

  /** Prefix of all renditions of a video, published or left over from a crashed attempt. */
  public static String renditions(String videoId) {
    return video(videoId) + "hls/";
  }

  /** A fresh prefix for one transcode attempt's output. */
  public static String newRendition(String videoId) {
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    return renditions(videoId) + HexFormat.of().formatHex(id);
  }

  /** The master playlist of rendition {@code prefix}, sealed last: present once it is complete. */
  public static String masterPlaylist(String rendition) {
    return rendition + "/" + HlsTranscoder.MASTER_PLAYLIST;
  }

  /** Sealed WebVTT captions of one language. */
  public static String caption(String videoId, String language) {
    return video(videoId) + "captions/" + language + ".vtt";
  }
}
