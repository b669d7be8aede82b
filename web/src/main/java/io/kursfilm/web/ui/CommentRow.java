package io.kursfilm.web.ui;

import io.kursfilm.review.boundary.CommentView;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * A comment as the review and trainer pages list it and mark it on the timeline, with getters for
 * EL. Its text is shown escaped, like every text a person typed.
 */
public final class CommentRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String id;
  private final int version;
  private final Integer atSecond;
  private final String text;
  private final String author;
  private final String createdAt;
  private final String left;

  /** {@code duration}: the played version's length, to place the marker; null: no marker. */
  CommentRow(CommentView c, Long duration) {
    this.id = c.id();
    this.version = c.version();
    this.atSecond = c.atSecond();
    this.text = c.text();
    this.author = Objects.requireNonNullElse(c.author(), "");
    this.createdAt = Times.when(c.createdAt());
    this.left =
        atSecond == null || duration == null || duration <= 0
            ? null
            : String.format(Locale.ROOT, "%.2f", Math.min(100.0, atSecond * 100.0 / duration));
  }

  public String getId() {
    return id;
  }

  public int getVersion() {
    return version;
  }

  /** The second it points at; null for a comment on the version as a whole. */
  public Integer getAtSecond() {
    return atSecond;
  }

  public String getAt() {
    return Times.clock(atSecond);
  }

  public String getText() {
    return text;
  }

  public String getAuthor() {
    return author;
  }

  public String getCreatedAt() {
    return createdAt;
  }

  /** Where its marker sits on the timeline, in percent of the played version's length. */
  public String getLeft() {
    return left;
  }

  /** Whether it has a marker: it points at a second of the version being played. */
  public boolean isMarked() {
    return left != null;
  }
}
