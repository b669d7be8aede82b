package io.kursfilm.video.boundary;

/**
 * What a trainer says about a video. Title is required; the rest may be null.
 *
 * @param tags comma-separated
 * @param language BCP 47 tag of the spoken language, e.g. {@code de} or {@code en-GB}
 */
public record VideoDetails(String title, String description, String tags, String language) {}
