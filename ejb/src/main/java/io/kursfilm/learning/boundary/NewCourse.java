package io.kursfilm.learning.boundary;

import java.util.List;

/** A course's title, description and its videos in order. */
public record NewCourse(String title, String description, List<String> videoIds) {}
