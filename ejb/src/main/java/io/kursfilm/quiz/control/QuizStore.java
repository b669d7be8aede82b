package io.kursfilm.quiz.control;

import io.kursfilm.kernel.PersonalData;
import io.kursfilm.quiz.entity.AttemptOutcome;
import io.kursfilm.quiz.entity.Quiz;
import io.kursfilm.quiz.entity.QuizAttempt;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Quizzes and attempts of the tenant bound to the transaction. */
@Dependent
public class QuizStore {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  public Optional<Quiz> quiz(String id) {
    return Optional.ofNullable(id).map(i -> em.find(Quiz.class, i));
  }

  /** The quizzes of {@code ids} that exist, in one query. */
  public List<Quiz> quizzes(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(Quiz.BY_IDS, Quiz.class)
        .setParameter("ids", List.copyOf(ids))
        .getResultList();
  }

  /**
   * The user's attempts at the quizzes {@code quizIds}, by quiz id, in one query; each outcome is
   * opened bound to its row.
   */
  public Map<String, List<QuizProgress.Attempt>> progress(
      Collection<String> quizIds, String userId) {
    if (quizIds.isEmpty()) {
      return Map.of();
    }
    PersonalData.Opener opener = PersonalData.opener();
    return em.createNamedQuery(QuizAttempt.PROGRESS_OF_USER, Object[].class)
        .setParameter("quizIds", List.copyOf(quizIds))
        .setParameter("userId", userId)
        .getResultStream()
        .collect(
            Collectors.groupingBy(
                r -> (String) r[0],
                Collectors.mapping(
                    r -> {
                      AttemptOutcome outcome = outcome(opener, (String) r[1], r, 3);
                      return new QuizProgress.Attempt(
                          (Integer) r[2], outcome == null ? null : outcome.score(), r[6] != null);
                    },
                    Collectors.toList())));
  }

  public int nextNumber(String videoId) {
    Integer latest =
        em.createNamedQuery(Quiz.LATEST_NUMBER, Integer.class)
            .setParameter("videoId", videoId)
            .getSingleResult();
    return latest == null ? 1 : latest + 1;
  }

  public void add(Object row) {
    em.persist(row);
    // Now, not at commit: a second attempt with the same number fails on the key here.
    em.flush();
  }

  public Optional<QuizAttempt> attempt(String id, LockModeType lock) {
    return Optional.ofNullable(em.find(QuizAttempt.class, id, lock));
  }

  /** The user's attempts at the quiz, in order. */
  public List<QuizAttempt> attempts(String quizId, String userId) {
    return em.createNamedQuery(QuizAttempt.OF_USER, QuizAttempt.class)
        .setParameter("quizId", quizId)
        .setParameter("userId", userId)
        .getResultList();
  }

  /**
   * Every submitted attempt at the quiz, in the order submitted, outcomes opened (bound to their
   * rows), answers still sealed.
   */
  public List<SubmittedAttempt> submitted(String quizId) {
    PersonalData.Opener opener = PersonalData.opener();
    return em.createNamedQuery(QuizAttempt.SUBMITTED, Object[].class)
        .setParameter("quizId", quizId)
        .getResultStream()
        .map(
            c ->
                submittedAttempt(
                    (String) c[0],
                    (String) c[1],
                    (Integer) c[2],
                    outcome(opener, (String) c[0], c, 3),
                    (Instant) c[6],
                    (String) c[7]))
        .toList();
  }

  /** Every quiz version of the video, in order of their numbers. */
  public List<Quiz> ofVideo(String videoId) {
    return em.createNamedQuery(Quiz.OF_VIDEO, Quiz.class)
        .setParameter("videoId", videoId)
        .getResultList();
  }

  /** (id, number, created at) of the video's quiz versions, newest first, definitions sealed. */
  public List<Object[]> numbersOf(String videoId) {
    return em.createNamedQuery(Quiz.NUMBERS_OF_VIDEO, Object[].class)
        .setParameter("videoId", videoId)
        .getResultList();
  }

  /** How many quiz versions each video of the tenant has; videos without a quiz are left out. */
  public Map<String, Integer> versionsByVideo() {
    Map<String, Integer> versions = new HashMap<>();
    for (Object[] row :
        em.createNamedQuery(Quiz.VERSIONS_BY_VIDEO, Object[].class).getResultList()) {
      versions.put((String) row[0], ((Number) row[1]).intValue());
    }
    return versions;
  }

  /**
   * The submitted attempts of these quizzes by quiz id, in the order submitted, in one query, with
   * their outcomes opened and without their answers (null): who passed which, and when.
   */
  public Map<String, List<SubmittedAttempt>> submittedOf(Collection<String> quizIds) {
    Map<String, List<SubmittedAttempt>> byQuiz = new HashMap<>();
    if (quizIds.isEmpty()) {
      return byQuiz; // an empty IN list is not valid SQL
    }
    PersonalData.Opener opener = PersonalData.opener();
    em.createNamedQuery(QuizAttempt.SUBMITTED_OF_QUIZZES, Object[].class)
        .setParameter("quizIds", List.copyOf(quizIds))
        .getResultStream()
        .forEach(
            c ->
                byQuiz
                    .computeIfAbsent((String) c[0], q -> new ArrayList<>())
                    .add(
                        submittedAttempt(
                            (String) c[1],
                            (String) c[2],
                            (Integer) c[3],
                            outcome(opener, (String) c[1], c, 4),
                            (Instant) c[7],
                            null)));
    return byQuiz;
  }

  /**
   * The outcome of the attempt {@code id} from the three columns the attempt queries read at {@code
   * at}: sealed outcome, then score and passed of before V27.
   */
  private static AttemptOutcome outcome(
      PersonalData.Opener opener, String id, Object[] columns, int at) {
    return QuizAttempt.openOutcome(
        opener, id, (String) columns[at], (Integer) columns[at + 1], (Boolean) columns[at + 2]);
  }

  private static SubmittedAttempt submittedAttempt(
      String id,
      String userId,
      int number,
      AttemptOutcome outcome,
      Instant submittedAt,
      String answersSealed) {
    // A submitted attempt has an outcome; one without counts as the failed zero it always did.
    return new SubmittedAttempt(
        id,
        userId,
        number,
        outcome == null ? 0 : outcome.score(),
        outcome != null && outcome.passed(),
        submittedAt,
        answersSealed);
  }

  /**
   * Opens the answers of attempts read by {@link #submitted}, with one look-up of the tenant for
   * all of them; only the transaction that made it may use it.
   */
  public Function<SubmittedAttempt, List<List<Integer>>> answers() {
    PersonalData.Opener opener = PersonalData.opener();
    return a ->
        Optional.ofNullable(QuizAttempt.openAnswers(opener, a.id(), a.answersSealed()))
            .map(QuizCodec::answers)
            .orElse(List.of());
  }
}
