package io.kursfilm.quiz.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.quiz.control.QuizCodec;
import io.kursfilm.quiz.control.QuizProgress;
import io.kursfilm.quiz.control.QuizScoring;
import io.kursfilm.quiz.control.QuizStore;
import io.kursfilm.quiz.control.Shuffle;
import io.kursfilm.quiz.entity.AttemptOutcome;
import io.kursfilm.quiz.entity.Quiz;
import io.kursfilm.quiz.entity.QuizAttempt;
import io.kursfilm.video.boundary.VideoQuizzes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Employees taking the quiz of a published video: scored on the server only, attempts limited and
 * counted here, answers saved as they are given so a reload resumes the attempt. An employee sees
 * only their own attempts; a quiz that is not the published one of its video is not there.
 */
@Stateless
@TenantScoped
@RolesAllowed(Role.Names.EMPLOYEE)
public class Attempts {

  @Inject Caller caller;
  @Inject QuizStore store;
  @Inject VideoQuizzes videos;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Event<QuizPassed> passed;

  /** The published quiz of the video, ready to take; empty when it has none. */
  public Optional<QuizForTaking> forTaking(String videoId) {
    return videos.publishedQuiz(videoId).flatMap(store::quiz).map(this::forTaking);
  }

  /** The quiz, ready to take, if it is the published quiz of its video. */
  public Optional<QuizForTaking> forTakingQuiz(String quizId) {
    return takeable(quizId).map(this::forTaking);
  }

  /** Starts an attempt, or returns the open one; empty when the quiz is not takeable. */
  public Optional<AttemptView> start(String quizId) {
    return takeable(quizId)
        .map(
            q -> {
              QuizDefinition d = QuizCodec.definition(q.definitionJson());
              return view(d, open(q).orElseGet(() -> begin(q, d, null)));
            });
  }

  /**
   * Answers question {@code question} of an open attempt; returns the attempt with the feedback of
   * every answered question. An answer once given stays: asked during the video, its feedback is
   * shown at once.
   */
  public Optional<AttemptView> answer(
      String quizId, String attemptId, int question, List<Integer> options) {
    Optional<QuizAttempt> found = own(quizId, attemptId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    QuizAttempt attempt = found.get();
    Quiz quiz = store.quiz(attempt.quizId()).orElseThrow();
    QuizDefinition definition = QuizCodec.definition(quiz.definitionJson());
    List<List<Integer>> answers = answers(attempt, definition);
    if (question < 0 || question >= answers.size()) {
      throw new IllegalArgumentException("question: 0 to " + (answers.size() - 1));
    }
    if (!answers.get(question).isEmpty()) {
      throw new ConflictException("question " + question + " is answered already");
    }
    QuizScoring.isRight(question, definition.questions().get(question), options);
    answers.set(question, List.copyOf(options));
    attempt.answered(QuizCodec.json(answers));
    return Optional.of(view(definition, attempt));
  }

  /** Submits the open attempt with the answers saved so far (unanswered questions are wrong). */
  public Optional<AttemptView> finish(String quizId, String attemptId) {
    return own(quizId, attemptId)
        .map(
            a -> {
              Quiz quiz = store.quiz(a.quizId()).orElseThrow();
              QuizDefinition d = QuizCodec.definition(quiz.definitionJson());
              submit(quiz, d, a, answers(a, d));
              return view(d, a);
            });
  }

  /**
   * Takes a whole attempt in one call: the open attempt (answers given before must stand) or a new
   * one. Empty when the quiz is not takeable.
   *
   * @throws ConflictException when no attempt is left, or another submission took this attempt
   */
  public Optional<AttemptView> submit(String quizId, List<List<Integer>> answers) {
    Optional<Quiz> quiz = takeable(quizId);
    if (quiz.isEmpty()) {
      return Optional.empty();
    }
    QuizDefinition definition = QuizCodec.definition(quiz.get().definitionJson());
    QuizScoring.score(definition, answers);
    QuizAttempt attempt = open(quiz.get()).orElseGet(() -> begin(quiz.get(), definition, answers));
    List<List<Integer>> given = answers(attempt, definition);
    for (int i = 0; i < given.size(); i++) {
      if (!given.get(i).isEmpty() && !given.get(i).equals(answers.get(i))) {
        throw new ConflictException("question " + i + " was answered differently before");
      }
    }
    submit(quiz.get(), definition, attempt, answers);
    return Optional.of(view(definition, attempt));
  }

  /** The caller's own attempts at the quiz, in order; empty for another tenant's or no quiz. */
  public Optional<List<AttemptView>> mine(String quizId) {
    return store
        .quiz(quizId)
        .map(
            q -> {
              QuizDefinition d = QuizCodec.definition(q.definitionJson());
              return store.attempts(q.id(), me()).stream().map(a -> view(d, a)).toList();
            });
  }

  /**
   * The caller's status with the published quiz of each of {@code videoIds}, by video id; videos
   * without a quiz are missing. A few queries for the whole list, none per video.
   */
  public Map<String, QuizStatus> statusOfVideos(List<String> videoIds) {
    Map<String, String> quizOfVideo = videos.publishedQuizzes(videoIds);
    Map<String, List<QuizProgress.Attempt>> progress = store.progress(quizOfVideo.values(), me());
    Map<String, QuizStatus> byQuiz = new HashMap<>();
    for (Quiz quiz : store.quizzes(quizOfVideo.values())) {
      QuizDefinition d = QuizCodec.definition(quiz.definitionJson());
      byQuiz.put(
          quiz.id(),
          QuizProgress.status(
              d.counting(), d.passMark(), progress.getOrDefault(quiz.id(), List.of())));
    }
    Map<String, QuizStatus> status = new HashMap<>();
    quizOfVideo.forEach((video, quiz) -> status.put(video, byQuiz.get(quiz)));
    status.values().removeIf(Objects::isNull);
    return status;
  }

  private void submit(
      Quiz quiz, QuizDefinition definition, QuizAttempt attempt, List<List<Integer>> answers) {
    QuizScoring.Score score = QuizScoring.score(definition, answers);
    attempt.submit(QuizCodec.json(answers), score.percent(), score.passed(), clock.instant());
    // Who took which attempt is on record; how they scored is not (the log is the admins' to read).
    audit.recordInTransaction(
        AuditEvent.of(Action.QUIZ_ATTEMPTED)
            .subject("quiz", quiz.id())
            .detail("attempt", attempt.number()));
    if (score.passed()) {
      AuthenticatedCaller who = caller.require();
      passed.fire(new QuizPassed(who.tenantId(), who.userId(), quiz.videoId(), quiz.id()));
    }
  }

  private QuizAttempt begin(Quiz quiz, QuizDefinition definition, List<List<Integer>> answers) {
    int used = store.attempts(quiz.id(), me()).size();
    if (used >= definition.maxAttempts()) {
      throw new ConflictException("no attempt left (" + definition.maxAttempts() + " allowed)");
    }
    List<List<Integer>> none =
        new ArrayList<>(Collections.nCopies(definition.questions().size(), List.of()));
    QuizAttempt attempt =
        new QuizAttempt(quiz.id(), me(), used + 1, QuizCodec.json(none), clock.instant());
    try {
      store.add(attempt);
    } catch (PersistenceException e) {
      throw new ConflictException("another attempt was started at the same time");
    }
    return attempt;
  }

  private Optional<QuizAttempt> open(Quiz quiz) {
    return store.attempts(quiz.id(), me()).stream().filter(a -> !a.submitted()).findFirst();
  }

  /** The quiz if it is the published quiz of its video (employees take nothing else). */
  private Optional<Quiz> takeable(String quizId) {
    return store
        .quiz(quizId)
        .filter(q -> videos.publishedQuiz(q.videoId()).filter(quizId::equals).isPresent());
  }

  private Optional<QuizAttempt> own(String quizId, String attemptId) {
    return store
        .attempt(attemptId, LockModeType.PESSIMISTIC_WRITE)
        .filter(a -> a.userId().equals(me()) && a.quizId().equals(quizId));
  }

  private static List<List<Integer>> answers(QuizAttempt attempt, QuizDefinition definition) {
    List<List<Integer>> answers = attempt.answersJson().map(QuizCodec::answers).orElse(List.of());
    List<List<Integer>> all = new ArrayList<>(answers);
    while (all.size() < definition.questions().size()) {
      all.add(List.of());
    }
    return all;
  }

  private QuizForTaking forTaking(Quiz quiz) {
    QuizDefinition d = QuizCodec.definition(quiz.definitionJson());
    List<QuizAttempt> attempts = store.attempts(quiz.id(), me());
    Optional<QuizAttempt> open = attempts.stream().filter(a -> !a.submitted()).findFirst();
    String seed = open.map(QuizAttempt::id).orElse(quiz.id() + me());
    List<QuizForTaking.Item> items = new ArrayList<>();
    for (int i : Shuffle.order(d.questions().size(), d.shuffleQuestions(), seed)) {
      Question q = d.questions().get(i);
      boolean shuffle = d.shuffleOptions() || q.type() == QuestionType.ORDERING;
      List<QuizForTaking.Choice> choices =
          Shuffle.order(q.options().size(), shuffle, seed + i).stream()
              .map(o -> new QuizForTaking.Choice(o, q.options().get(o).text()))
              .toList();
      items.add(
          new QuizForTaking.Item(
              i, q.type().name(), q.text(), q.atSecond(), q.mandatory(), choices));
    }
    return new QuizForTaking(
        quiz.id(),
        quiz.videoId(),
        d.passMark(),
        d.maxAttempts(),
        d.counting().name(),
        (int) attempts.stream().filter(QuizAttempt::submitted).count(),
        items,
        open.map(a -> view(d, a)).orElse(null));
  }

  private static AttemptView view(QuizDefinition d, QuizAttempt attempt) {
    List<List<Integer>> answers = answers(attempt, d);
    List<AttemptView.Feedback> feedback = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      if (answers.get(i).isEmpty()) {
        continue;
      }
      Question q = d.questions().get(i);
      List<String> texts =
          answers.get(i).stream()
              .map(o -> q.options().get(o).feedback())
              .filter(f -> f != null && !f.isBlank())
              .toList();
      feedback.add(new AttemptView.Feedback(i, QuizScoring.isRight(i, q, answers.get(i)), texts));
    }
    return new AttemptView(
        attempt.id(),
        attempt.number(),
        attempt.submitted(),
        attempt.outcome().map(AttemptOutcome::score).orElse(null),
        attempt.submitted() ? attempt.outcome().map(AttemptOutcome::passed).orElse(false) : null,
        answers,
        feedback,
        attempt.startedAt(),
        attempt.submittedAt().orElse(null));
  }

  private String me() {
    return caller.require().userId();
  }
}
