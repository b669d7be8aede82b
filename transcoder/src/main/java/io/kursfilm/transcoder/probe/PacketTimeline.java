package io.kursfilm.transcoder.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The video packets' timestamps as ffprobe lists them ({@code pts_time,dts_time,duration_time} per
 * line): how long the frames really play and the largest jump between two of them.
 */
record PacketTimeline(int packets, Duration duration, Duration largestGap) {

  static PacketTimeline parse(String csv) {
    List<Double> starts = new ArrayList<>();
    double end = Double.NEGATIVE_INFINITY;
    for (String line : csv.split("\n")) {
      String[] fields = line.strip().split(",", -1);
      if (fields.length < 2) {
        continue;
      }
      Double start = number(fields[0]);
      if (start == null) {
        start = number(fields[1]);
      }
      if (start == null) {
        continue;
      }
      Double length = fields.length > 2 ? number(fields[2]) : null;
      starts.add(start);
      end = Math.max(end, start + (length == null ? 0 : length));
    }
    if (starts.isEmpty()) {
      return new PacketTimeline(0, Duration.ZERO, Duration.ZERO);
    }
    Collections.sort(starts);
    double gap = 0;
    for (int i = 1; i < starts.size(); i++) {
      gap = Math.max(gap, starts.get(i) - starts.get(i - 1));
    }
    return new PacketTimeline(
        starts.size(), InputProbe.seconds(end - starts.get(0)), InputProbe.seconds(gap));
  }

  private static Double number(String field) {
    try {
      return field.isBlank() || "N/A".equals(field) ? null : Double.parseDouble(field);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
