package io.kursfilm.quiz.control;

import io.kursfilm.kernel.PersonalData;
import io.kursfilm.quiz.entity.Quiz;
import io.kursfilm.quiz.entity.QuizAttempt;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
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
