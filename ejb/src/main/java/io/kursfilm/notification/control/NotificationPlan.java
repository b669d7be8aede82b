package io.kursfilm.notification.control;

import io.kursfilm.notification.boundary.NotificationKind;
import io.kursfilm.video.boundary.VideoState;
import io.kursfilm.video.boundary.VideoTransitioned;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who is told what about one move of a version, and nothing else: the rules in one place, free of
 * the container so they are tested as plain functions. A version entering review concerns the
 * tenant's critics, never its own uploader (four eyes); a decision concerns the uploader. Nobody is
 * told about their own action.
 *
 * @param recipients user ids, each once, in the order given
 */
public record NotificationPlan(NotificationKind kind, List<String> recipients) {

  public NotificationPlan {
    recipients = List.copyOf(recipients);
  }

  /**
   * The plan for {@code moved}; empty when the move concerns nobody (the pipeline's steps,
   * archiving, superseding) or nobody is left to tell.
   *
   * @param critics the active critics of the tenant; asked only when a version entered review
   */
  public static Optional<NotificationPlan> of(
      VideoTransitioned moved, Supplier<List<String>> critics) {
    Optional<NotificationKind> kind = kind(moved);
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    boolean waiting = kind.get() == NotificationKind.REVIEW_WAITING;
    List<String> candidates =
        waiting ? critics.get() : Collections.singletonList(moved.uploaderId());
    Set<String> recipients = new LinkedHashSet<>();
    for (String candidate : candidates) {
      boolean ownUpload = waiting && candidate != null && candidate.equals(moved.uploaderId());
      if (candidate != null && !candidate.equals(moved.actorId()) && !ownUpload) {
        recipients.add(candidate);
      }
    }
    return recipients.isEmpty()
        ? Optional.empty()
        : Optional.of(new NotificationPlan(kind.get(), List.copyOf(recipients)));
  }

  /** What the move means to the people it concerns, if anything. */
  static Optional<NotificationKind> kind(VideoTransitioned moved) {
    if (moved.to() == VideoState.IN_REVIEW) {
      return Optional.of(NotificationKind.REVIEW_WAITING);
    }
    return switch (Objects.requireNonNullElse(moved.transition(), "")) {
      case "APPROVE" -> Optional.of(NotificationKind.APPROVED);
      case "PUBLISH" -> Optional.of(NotificationKind.PUBLISHED);
      case "REQUEST_CHANGES" -> Optional.of(NotificationKind.CHANGES_REQUESTED);
      default -> Optional.empty();
    };
  }
}
