package io.kursfilm.video.boundary;

import io.kursfilm.kernel.FreeText;

/**
 * What a trainer says about a video. Title is required; the rest may be null.
 *
 * @param tags comma-separated
 * @param language BCP 47 tag of the spoken language, e.g. {@code de} or {@code en-GB}
 */
public record VideoDetails(String title, String description, String tags, String language) {

  /** These details, or a 400 naming the first field that is not acceptable. */
  public VideoDetails validated() {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title: required");
    }
    if (title.length() > 200) {
      throw new IllegalArgumentException("title: at most 200 characters");
    }
    if (description != null && description.length() > 4000) {
      throw new IllegalArgumentException("description: at most 4000 characters");
    }
    if (tags != null && tags.length() > 500) {
      throw new IllegalArgumentException("tags: at most 500 characters");
    }
    FreeText.line("title", title);
    FreeText.multiLine("description", description);
    FreeText.line("tags", tags);
    if (language != null && !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
      throw new IllegalArgumentException("language: a language tag such as de or en-GB");
    }
    return this;
  }
}
