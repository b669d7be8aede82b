package io.kursfilm.review.boundary;

import java.time.Instant;

/**
 * A comment as trainers and critics see it (docs/api.md: {@code id, atSecond, text, author,
 * createdAt}).
 *
 * @param atSecond null for a comment on the version as a whole
 * @param author the author's display name; null when the account is gone
 */
public record CommentView(
    String id,
    int version,
    Integer atSecond,
    String text,
    String authorId,
    String author,
    Instant createdAt) {}
