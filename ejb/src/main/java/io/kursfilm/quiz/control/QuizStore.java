package io.kursfilm.quiz.control;

import io.kursfilm.kernel.PersonalData;
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

  /** The user's attempts at the quizzes {@code quizIds}, by quiz id, in one query. */
  public Map<String, List<QuizProgress.Attempt>> progress(
      Collection<String> quizIds, String userId) {
    if (quizIds.isEmpty()) {
      return Map.of();
    }
    return em.createNamedQuery(QuizAttempt.PROGRESS_OF_USER, Object[].class)
        .setParameter("quizIds", List.copyOf(quizIds))
        .setParameter("userId", userId)
        .getResultStream()
        .collect(
            Collectors.groupingBy(
                r -> (String) r[0],
                Collectors.mapping(
                    r -> new QuizProgress.Attempt((Integer) r[1], (Integer) r[2], r[3] != null),
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

  /** Every submitted attempt at the quiz, in the order submitted, answers still sealed. */
  public List<SubmittedAttempt> submitted(String quizId) {
    return em.createNamedQuery(QuizAttempt.SUBMITTED, Object[].class)
        .setParameter("quizId", quizId)
        .getResultStream()
        .map(
            c ->
                new SubmittedAttempt(
                    (String) c[0],
                    (String) c[1],
                    (Integer) c[2],
                    c[3] == null ? 0 : (Integer) c[3],
                    Boolean.TRUE.equals(c[4]),
                    (Instant) c[5],
                    (String) c[6]))
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
   * The submitted attempts of these quizzes by quiz id, in the order submitted, in one query and
   * without their answers (null): who passed which, and when.
   */
  public Map<String, List<SubmittedAttempt>> submittedOf(Collection<String> quizIds) {
    Map<String, List<SubmittedAttempt>> byQuiz = new HashMap<>();
    if (quizIds.isEmpty()) {
      return byQuiz; // an empty IN list is not valid SQL
    }
    em.createNamedQuery(QuizAttempt.SUBMITTED_OF_QUIZZES, Object[].class)
        .setParameter("quizIds", List.copyOf(quizIds))
        .getResultStream()
        .forEach(
            c ->
                byQuiz
                    .computeIfAbsent((String) c[0], q -> new ArrayList<>())
                    .add(
                        new SubmittedAttempt(
                            (String) c[1],
                            (String) c[2],
                            (Integer) c[3],
                            c[4] == null ? 0 : (Integer) c[4],
                            Boolean.TRUE.equals(c[5]),
                            (Instant) c[6],
                            null)));
    return byQuiz;
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
