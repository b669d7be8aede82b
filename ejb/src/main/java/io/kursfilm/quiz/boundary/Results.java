package io.kursfilm.quiz.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.identity.boundary.DisplayNames;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.platform.boundary.CsvWriter;
import io.kursfilm.quiz.control.QuizCodec;
import io.kursfilm.quiz.control.QuizStore;
import io.kursfilm.quiz.control.ResultsTable;
import io.kursfilm.quiz.entity.Quiz;
import io.kursfilm.tenant.boundary.PersonalIndex;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.video.boundary.VideoTrainers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Quiz results, for the video's own trainers only: every read and every export is audited. With the
 * tenant's anonymisation on, people are stable per-tenant pseudonyms (a keyed HMAC of their id
 * under the tenant's index key, not a hash of anything guessable), past results included.
 */
@Stateless
@TenantScoped
@RolesAllowed(Role.Names.TRAINER)
public class Results {

  /** Field name of the pseudonym HMAC: separates it from every other blind index. */
  private static final String PSEUDONYM = "quiz-participant";

  @Inject Caller caller;
  @Inject QuizStore store;
  @Inject VideoTrainers trainers;
  @Inject DisplayNames names;
  @Inject PersonalIndex index;
  @Inject TenantDirectory tenants;
  @Inject AuditLog audit;

  @Inject
  @ConfigProperty(name = "kursfilm.results.min-group")
  int minGroup;

  /** The results of a quiz; empty for another tenant's or no quiz. */
  public Optional<QuizResults> of(String quizId) {
    Optional<QuizResults> results = store.quiz(quizId).map(q -> results(q, true));
    results.ifPresent(r -> audited(Action.RESULTS_READ, r));
    return results;
  }

  /** The participant rows as CSV, cells neutralised against formula injection. */
  public Optional<String> csv(String quizId) {
    // The CSV holds the participant rows only: no aggregates, so no answers to open.
    Optional<QuizResults> results = store.quiz(quizId).map(q -> results(q, false));
    results.ifPresent(r -> audited(Action.EXPORT, r));
    return results.map(Results::toCsv);
  }

  private QuizResults results(Quiz quiz, boolean aggregates) {
    if (!trainers.callerIsTrainerOf(quiz.videoId())) {
      throw new EJBAccessException("only the video's trainers see its quiz results");
    }
    QuizDefinition definition = QuizCodec.definition(quiz.definitionJson());
    List<ResultsTable.Entry> entries =
        ResultsTable.entries(store.submitted(quiz.id()), definition.counting());
    boolean anonymised = anonymised();
    Function<String, String> participant = anonymised ? pseudonyms() : names(entries);
    List<QuizResults.Row> rows =
        entries.stream()
            .map(
                e ->
                    new QuizResults.Row(
                        participant.apply(e.userId()),
                        anonymised ? null : e.userId(),
                        e.attempts(),
                        e.counting().score(),
                        e.counting().passed(),
                        e.lastAttemptAt()))
            .toList();
    int passed = (int) rows.stream().filter(QuizResults.Row::passed).count();
    boolean aggregated = aggregates && entries.size() >= minGroup;
    return new QuizResults(
        quiz.id(),
        quiz.videoId(),
        quiz.number(),
        anonymised,
        tenants.anonymiseChangedAt(caller.require().tenantId()).orElse(null),
        minGroup,
        entries.size(),
        passed,
        aggregated ? passed * 100 / entries.size() : null,
        aggregated ? ResultsTable.distribution(entries) : null,
        aggregated ? ResultsTable.difficulty(entries, definition, store.answers()) : null,
        rows);
  }

  /** Display names of all participants, read at once. */
  private Function<String, String> names(List<ResultsTable.Entry> entries) {
    Map<String, String> names =
        this.names.of(entries.stream().map(ResultsTable.Entry::userId).toList());
    return userId -> names.getOrDefault(userId, "?");
  }

  /** Pseudonyms under the tenant's index key, looked up once for all participants. */
  private Function<String, String> pseudonyms() {
    return pseudonyms(index);
  }

  /** The one pseudonym rule, also of the offboarding export ({@link QuizArchive}). */
  static Function<String, String> pseudonyms(PersonalIndex index) {
    UnaryOperator<String> hmac = index.keyed(PSEUDONYM);
    return userId -> "P-" + hmac.apply(userId).substring(0, 10).toUpperCase(Locale.ROOT);
  }

  private boolean anonymised() {
    return tenants
        .settings(caller.require().tenantId())
        .map(s -> s.anonymiseResults())
        .orElse(true);
  }

  private void audited(Action action, QuizResults results) {
    audit.recordInTransaction(
        AuditEvent.of(action)
            .subject("quiz-results", results.quizId())
            .detail("participants", results.participants())
            .detail("anonymised", results.anonymised()));
  }

  static String toCsv(QuizResults results) {
    StringBuilder csv =
        new StringBuilder(
            CsvWriter.row(List.of("participant", "attempts", "score", "passed", "last_attempt")));
    for (QuizResults.Row row : results.rows()) {
      csv.append(
          CsvWriter.row(
              List.of(
                  row.participant(),
                  row.attempts(),
                  row.score(),
                  row.passed(),
                  row.lastAttemptAt().toString())));
    }
    return csv.toString();
  }
}
