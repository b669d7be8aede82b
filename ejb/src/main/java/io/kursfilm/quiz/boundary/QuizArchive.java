package io.kursfilm.quiz.boundary;

import io.kursfilm.identity.boundary.TenantMembers;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.quiz.control.QuizCodec;
import io.kursfilm.quiz.control.QuizStore;
import io.kursfilm.quiz.control.ResultsTable;
import io.kursfilm.quiz.entity.Quiz;
import io.kursfilm.tenant.boundary.PersonalIndex;
import io.kursfilm.tenant.boundary.TenantDirectory;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A tenant's quizzes for its offboarding export: each quiz version's definition (as stored, with
 * the correct answers) and its results as the trainers' CSV, under the same rules: with the
 * tenant's anonymisation on, participants are the same pseudonyms and never names. Called only by
 * the offboarding export job, which runs without a caller: the tenant is bound from the argument.
 */
@Stateless
public class QuizArchive {

  /** One file of the export: its name below the video's quiz folder and its bytes. */
  public record QuizFile(String name, byte[] bytes) {}

  @Inject TenantFilter filter;
  @Inject QuizStore store;
  @Inject PersonalIndex index;
  @Inject TenantDirectory tenants;
  @Inject TenantMembers members;

  /** {@code quiz-<n>.json} and {@code quiz-<n>-results.csv} of every quiz version of the video. */
  public List<QuizFile> ofVideo(String tenantId, String videoId) {
    filter.bind(tenantId);
    boolean anonymised = tenants.settings(tenantId).map(s -> s.anonymiseResults()).orElse(true);
    List<QuizFile> files = new ArrayList<>();
    for (Quiz quiz : store.ofVideo(videoId)) {
      QuizDefinition definition = QuizCodec.definition(quiz.definitionJson());
      List<ResultsTable.Entry> entries =
          ResultsTable.entries(store.submitted(quiz.id()), definition.counting());
      Function<String, String> participant;
      if (anonymised) {
        participant = Results.pseudonyms(index);
      } else {
        Map<String, String> names =
            members.displayNames(
                tenantId, entries.stream().map(ResultsTable.Entry::userId).toList());
        participant = id -> names.getOrDefault(id, "?");
      }
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
      QuizResults results =
          new QuizResults(
              quiz.id(),
              videoId,
              quiz.number(),
              anonymised,
              null,
              0,
              rows.size(),
              0,
              null,
              null,
              null,
              rows);
      String name = "quiz-" + quiz.number();
      files.add(new QuizFile(name + ".json", utf8(quiz.definitionJson())));
      files.add(new QuizFile(name + "-results.csv", utf8(Results.toCsv(results))));
    }
    return files;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
