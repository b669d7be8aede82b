package io.kursfilm.video.boundary;

/** A caption track of a video: its language tag and the label players show. */
public record CaptionView(String language, String label) {}
