package io.kursfilm.quiz.entity;

import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.InstantConverter;
import io.kursfilm.kernel.PersonalData;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.storage.field.FieldCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One employee's attempt at a quiz: open while they answer (answers saved as they go, so a reload
 * resumes it), then submitted with its outcome (score and passed). Answers and outcome are sealed
 * under the tenant's key and bound to this row, so a ciphertext copied into another attempt fails
 * to open.
 */
@Entity
@Table(name = "quiz_attempt")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = QuizAttempt.OF_USER,
    query =
        "select a from QuizAttempt a where a.quizId = :quizId and a.userId = :userId"
            + " order by a.number")
@NamedQuery(
    name = QuizAttempt.SUBMITTED,
    query =
        "select a.id, a.userId, a.number, a.outcomeSealed, a.plainScore, a.plainPassed,"
            + " a.submittedAt, a.answersSealed"
            + " from QuizAttempt a where a.quizId = :quizId and a.submittedAt is not null"
            // The order of ix_quiz_attempt_quiz (the id is part of every secondary key): no sort.
            + " order by a.submittedAt, a.id")
@NamedQuery(
    name = QuizAttempt.SUBMITTED_OF_QUIZZES,
    query =
        "select a.quizId, a.id, a.userId, a.number, a.outcomeSealed, a.plainScore,"
            + " a.plainPassed, a.submittedAt"
            + " from QuizAttempt a where a.quizId in :quizIds and a.submittedAt is not null"
            + " order by a.submittedAt, a.id")
@NamedQuery(
    name = QuizAttempt.PROGRESS_OF_USER,
    query =
        "select a.quizId, a.id, a.number, a.outcomeSealed, a.plainScore, a.plainPassed,"
            + " a.submittedAt from QuizAttempt a where a.quizId in :quizIds and a.userId = :userId")
@NamedQuery(
    name = QuizAttempt.PLAINTEXT_OUTCOMES,
    query =
        "select a from QuizAttempt a where a.plainScore is not null or a.plainPassed is not null")
public class QuizAttempt {

  public static final String OF_USER = "QuizAttempt.ofUser";

  /**
   * A user's attempts at several quizzes as columns (quiz, id, number, sealed outcome, score and
   * passed of before V27, submitted at), for the status of a list of videos: no answers opened, no
   * entities loaded. Outcomes are opened with {@link #openOutcome}.
   */
  public static final String PROGRESS_OF_USER = "QuizAttempt.progressOfUser";

  /**
   * The submitted attempts of a quiz as columns (id, user, number, sealed outcome, score and passed
   * of before V27, submitted at, sealed answers), in the order they were submitted: results read
   * thousands without loading the entities. Outcomes are opened with {@link #openOutcome}, answers
   * with {@link #openAnswers}.
   */
  public static final String SUBMITTED = "QuizAttempt.submitted";

  /**
   * The submitted attempts of several quizzes (all versions of one video's quiz) as columns (quiz,
   * id, user, number, sealed outcome, score and passed of before V27, submitted at), without
   * answers: what completion needs.
   */
  public static final String SUBMITTED_OF_QUIZZES = "QuizAttempt.submittedOfQuizzes";

  /** Attempts whose score and passed are still in clear (submitted before V27). */
  public static final String PLAINTEXT_OUTCOMES = "QuizAttempt.plaintextOutcomes";

  private static final String TABLE = "quiz_attempt";
  private static final String FIELD = "answers";
  private static final String OUTCOME_FIELD = "outcome";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "quiz_id")
  private String quizId;

  @Column(name = "user_id")
  private String userId;

  private int number;

  @Column(name = "answers")
  private String answersSealed;

  @Transient private String answersJson;
  @Transient private boolean answersChanged;

  @Column(name = "outcome")
  private String outcomeSealed;

  @Transient private AttemptOutcome outcome;

  // Written before V27 only; the start-up sealing moves them into the outcome and clears them.
  @Column(name = "score")
  private Integer plainScore;

  @Column(name = "passed")
  private Boolean plainPassed;

  @Column(name = "started_at")
  @Convert(converter = InstantConverter.class)
  private Instant startedAt;

  @Column(name = "submitted_at")
  @Convert(converter = InstantConverter.class)
  private Instant submittedAt;

  @Version private long version;

  protected QuizAttempt() {}

  public QuizAttempt(String quizId, String userId, int number, String answersJson, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.quizId = quizId;
    this.userId = userId;
    this.number = number;
    this.answersJson = answersJson;
    this.answersChanged = true;
    this.startedAt = now;
  }

  /** The answers so far (JSON), while the attempt is open. */
  public void answered(String answersJson) {
    requireOpen();
    this.answersJson = answersJson;
    // Sealed now rather than in @PreUpdate: EclipseLink calls that only for an entity it already
    // finds changed, and one more answer changes no mapped column but this one, so the answer
    // was lost (a reload asked it again) until the submit changed the score.
    this.answersSealed = PersonalData.seal(FIELD, new FieldCipher.Row(TABLE, id), answersJson);
    this.answersChanged = false;
  }

  /** Scores the attempt; it is closed from now on. */
  public void submit(String answersJson, int score, boolean passed, Instant now) {
    answered(answersJson);
    this.outcome = new AttemptOutcome(score, passed);
    this.outcomeSealed = sealOutcome();
    this.submittedAt = now;
  }

  /**
   * Seals the score and passed written in clear before V27 into the outcome and clears them; the
   * start-up sealing calls it on the rows of {@link #PLAINTEXT_OUTCOMES}.
   */
  public void sealPlaintextOutcome() {
    if (plainScore == null && plainPassed == null) {
      return;
    }
    outcome = legacyOutcome(plainScore, plainPassed);
    outcomeSealed = sealOutcome();
    plainScore = null;
    plainPassed = null;
  }

  private String sealOutcome() {
    return PersonalData.seal(OUTCOME_FIELD, new FieldCipher.Row(TABLE, id), outcome.text());
  }

  private void requireOpen() {
    if (submittedAt != null) {
      throw new ConflictException("attempt " + number + " is submitted already");
    }
  }

  @PrePersist
  @PreUpdate
  void seal() {
    if (answersChanged) {
      answersSealed =
          answersJson == null
              ? null
              : PersonalData.seal(FIELD, new FieldCipher.Row(TABLE, id), answersJson);
      answersChanged = false;
    }
  }

  @PostLoad
  void open() {
    answersJson =
        answersSealed == null
            ? null
            : PersonalData.open(FIELD, new FieldCipher.Row(TABLE, id), answersSealed);
    outcome = openOutcome(PersonalData::open, id, outcomeSealed, plainScore, plainPassed);
  }

  /** Opens answers read by {@link #SUBMITTED}, bound to their row as {@link #open} opens them. */
  public static String openAnswers(PersonalData.Opener opener, String id, String sealed) {
    return sealed == null ? null : opener.open(FIELD, new FieldCipher.Row(TABLE, id), sealed);
  }

  /**
   * Opens an outcome read as columns by {@link #SUBMITTED}, {@link #SUBMITTED_OF_QUIZZES} or {@link
   * #PROGRESS_OF_USER}, bound to its row as {@link #open} opens it. A row submitted before V27 and
   * not sealed yet reads its score and passed as they are.
   *
   * @return null while the attempt is open
   */
  public static AttemptOutcome openOutcome(
      PersonalData.Opener opener,
      String id,
      String sealed,
      Integer plainScore,
      Boolean plainPassed) {
    if (sealed != null) {
      return AttemptOutcome.parse(
          opener.open(OUTCOME_FIELD, new FieldCipher.Row(TABLE, id), sealed));
    }
    return plainScore == null && plainPassed == null
        ? null
        : legacyOutcome(plainScore, plainPassed);
  }

  private static AttemptOutcome legacyOutcome(Integer score, Boolean passed) {
    return new AttemptOutcome(score == null ? 0 : score, Boolean.TRUE.equals(passed));
  }

  public String id() {
    return id;
  }

  public String quizId() {
    return quizId;
  }

  public String userId() {
    return userId;
  }

  public int number() {
    return number;
  }

  public Optional<String> answersJson() {
    return Optional.ofNullable(answersJson);
  }

  public boolean submitted() {
    return submittedAt != null;
  }

  /** Score and passed, once submitted. */
  public Optional<AttemptOutcome> outcome() {
    return Optional.ofNullable(outcome);
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Optional<Instant> submittedAt() {
    return Optional.ofNullable(submittedAt);
  }
}
