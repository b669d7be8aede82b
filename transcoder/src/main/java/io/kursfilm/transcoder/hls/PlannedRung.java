package io.kursfilm.transcoder.hls;

/**
 * A rung this input gets: its directory name ({@code 720p}), exact even frame size and bitrate cap.
 */
record PlannedRung(String name, int width, int height, int maxrateKbps) {

  int bufsizeKbps() {
    return 2 * maxrateKbps;
  }

  String playlist() {
    return name + "/playlist.m3u8";
  }
}
