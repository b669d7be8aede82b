package io.kursfilm.learning.boundary;

import java.util.List;

/** A course with its videos in order, as the caller may see them. */
public record CourseView(String id, String title, String description, List<Video> videos) {

  /**
   * One video of the course; {@code title} null when the caller may not see the video (not
   * published, for employees).
   */
  public record Video(String id, String title, boolean published) {}

  public List<String> getVideoIds() {
    return videos.stream().map(Video::id).toList();
  }
}
