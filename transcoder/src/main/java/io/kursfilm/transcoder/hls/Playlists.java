package io.kursfilm.transcoder.hls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of an HLS playlist parser for the playlists ffmpeg's hls muxer writes: variants of a
 * master playlist, and the init section, segments and end marker of a media playlist.
 */
final class Playlists {

  record Variant(Map<String, String> attributes, String uri) {}

  record Segment(double seconds, String uri) {}

  /**
   * @param init URI of {@code #EXT-X-MAP}, or null
   * @param ended whether {@code #EXT-X-ENDLIST} is present
   */
  record Media(String init, List<Segment> segments, boolean ended) {}

  private static final String STREAM_INF = "#EXT-X-STREAM-INF:";
  private static final String MAP = "#EXT-X-MAP:";
  private static final String EXTINF = "#EXTINF:";

  private Playlists() {}

  static List<Variant> master(String text) {
    List<Variant> variants = new ArrayList<>();
    Map<String, String> pending = null;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.startsWith(STREAM_INF)) {
        pending = attributes(line.substring(STREAM_INF.length()));
      } else if (pending != null && !line.isEmpty() && !line.startsWith("#")) {
        variants.add(new Variant(pending, line));
        pending = null;
      }
    }
    return variants;
  }

  static Media media(String text) {
    String init = null;
    boolean ended = false;
    List<Segment> segments = new ArrayList<>();
    Double pending = null;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.startsWith(MAP)) {
        init = attributes(line.substring(MAP.length())).get("URI");
      } else if (line.startsWith(EXTINF)) {
        String value = line.substring(EXTINF.length());
        int comma = value.indexOf(',');
        pending = Double.parseDouble(comma < 0 ? value : value.substring(0, comma));
      } else if (line.equals("#EXT-X-ENDLIST")) {
        ended = true;
      } else if (pending != null && !line.isEmpty() && !line.startsWith("#")) {
        segments.add(new Segment(pending, line));
        pending = null;
      }
    }
    return new Media(init, segments, ended);
  }

  /** {@code KEY=value,KEY="quoted, value"} as a map with the quotes removed. */
  static Map<String, String> attributes(String list) {
    Map<String, String> attributes = new LinkedHashMap<>();
    int i = 0;
    while (i < list.length()) {
      int eq = list.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String key = list.substring(i, eq).strip();
      int end;
      String value;
      if (eq + 1 < list.length() && list.charAt(eq + 1) == '"') {
        int close = list.indexOf('"', eq + 2);
        close = close < 0 ? list.length() : close;
        value = list.substring(eq + 2, close);
        end = list.indexOf(',', close);
      } else {
        end = list.indexOf(',', eq);
        value = list.substring(eq + 1, end < 0 ? list.length() : end);
      }
      attributes.put(key, value.strip());
      i = end < 0 ? list.length() : end + 1;
    }
    return attributes;
  }
}
