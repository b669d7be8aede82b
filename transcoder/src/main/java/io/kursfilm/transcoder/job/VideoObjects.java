package io.kursfilm.transcoder.job;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Object ids of a video's bytes in its tenant's bucket. Everything of one video lies under {@link
 * #video}, so deleting a video is one prefix delete; each transcode attempt writes its rendition
 * under a fresh id and only the published one is kept.
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

  /** Sealed WebVTT captions of one language. */
  public static String caption(String videoId, String language) {
    return video(videoId) + "captions/" + language + ".vtt";
  }
}
