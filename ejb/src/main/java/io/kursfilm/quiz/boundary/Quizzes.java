package io.kursfilm.quiz.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.quiz.control.QuizCodec;
import io.kursfilm.quiz.control.QuizRules;
import io.kursfilm.quiz.control.QuizStore;
import io.kursfilm.quiz.entity.Quiz;
import io.kursfilm.video.boundary.VideoQuizzes;
import io.kursfilm.video.boundary.VideoTrainers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Quizzes as their trainers build them and critics review them. A save is a new quiz version that
 * the video's newest version carries; once a critic may have seen that version, a new video version
 * goes back to review and employees keep the approved quiz meanwhile.
 */
@Stateless
@TenantScoped
@RolesAllowed({Role.Names.TRAINER, Role.Names.CRITIC, Role.Names.TENANT_ADMIN})
public class Quizzes {

  @Inject Caller caller;
  @Inject QuizStore store;
  @Inject VideoQuizzes videos;
  @Inject VideoTrainers trainers;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * Saves {@code definition} as the video's next quiz version. Only the video's trainers; empty
   * when the video is not the tenant's.
   */
  @RolesAllowed(Role.Names.TRAINER)
  public Optional<QuizView> save(String videoId, QuizDefinition definition) {
    if (definition == null) {
      throw new IllegalArgumentException("quiz: required");
    }
    if (!trainers.requireTrainerOf(videoId)) {
      return Optional.empty();
    }
    QuizRules.validate(definition, videos.newestSeconds(videoId).orElse(null));
    Quiz quiz =
        new Quiz(
            videoId,
            store.nextNumber(videoId),
            QuizCodec.json(definition),
            caller.require().userId(),
            clock.instant());
    store.add(quiz);
    int videoVersion = videos.carry(videoId, quiz.id()).orElseThrow();
    audit.recordInTransaction(
        AuditEvent.of(Action.QUIZ_SAVED)
            .subject("quiz", quiz.id())
            .detail("video", videoId)
            .detail("number", quiz.number())
            .detail("videoVersion", videoVersion));
    return Optional.of(view(quiz, videoVersion, definition));
  }

  /** The quiz of the video's newest version, with its right answers. */
  public Optional<QuizView> ofVideo(String videoId) {
    return videos.newestQuiz(videoId).flatMap(this::find);
  }

  /**
   * Every quiz version of the video, newest first, read in one query; an empty list for a video
   * without a quiz, empty (no list) for another tenant's or no video, which the API answers 404.
   */
  public Optional<List<QuizVersion>> versions(String videoId) {
    List<Object[]> rows = store.numbersOf(videoId);
    if (rows.isEmpty()) {
      return videos.exists(videoId) ? Optional.of(List.of()) : Optional.empty();
    }
    String published = videos.publishedQuiz(videoId).orElse(null);
    return Optional.of(
        rows.stream()
            .map(
                r ->
                    new QuizVersion(
                        (String) r[0], (Integer) r[1], (Instant) r[2], r[0].equals(published)))
            .toList());
  }

  /** A quiz with its right answers; empty for another tenant's or no quiz. */
  public Optional<QuizView> find(String quizId) {
    return store.quiz(quizId).map(q -> view(q, 0, QuizCodec.definition(q.definitionJson())));
  }

  private static QuizView view(Quiz quiz, int videoVersion, QuizDefinition definition) {
    return new QuizView(
        quiz.id(), quiz.videoId(), quiz.number(), videoVersion, definition, quiz.createdAt());
  }
}
