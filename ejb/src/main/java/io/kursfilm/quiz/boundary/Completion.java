package io.kursfilm.quiz.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.identity.boundary.DisplayNames;
import io.kursfilm.identity.boundary.Recipients;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.platform.boundary.CsvWriter;
import io.kursfilm.quiz.control.CompletionTable;
import io.kursfilm.quiz.control.QuizCodec;
import io.kursfilm.quiz.control.QuizStore;
import io.kursfilm.quiz.control.SubmittedAttempt;
import io.kursfilm.quiz.entity.Quiz;
import io.kursfilm.video.boundary.VideoView;
import io.kursfilm.video.boundary.Videos;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Completion of a video's quiz for tenant admins: per active employee, completed or not and when,
 * by name even while results are anonymised (the proof of mandatory training), but never a score,
 * an attempt count or "failed" as opposed to "not attempted". Completed means the counting attempt
 * of any quiz version of the video passed. Every read and export is audited.
 */
@Stateless
@TenantScoped
@RolesAllowed(Role.Names.TENANT_ADMIN)
public class Completion {

  @Inject QuizStore store;
  @Inject Videos videos;
  @Inject Recipients people;
  @Inject DisplayNames names;
  @Inject AuditLog audit;

  /** The tenant's videos that have a quiz, by title. */
  public List<VideoCompletion.Video> videos() {
    Map<String, Integer> versions = store.versionsByVideo();
    if (versions.isEmpty()) {
      return List.of();
    }
    Collator byTitle = Collator.getInstance(Locale.ROOT);
    return videos.list(Optional.empty()).stream()
        .filter(v -> versions.containsKey(v.id()))
        .map(v -> new VideoCompletion.Video(v.id(), v.title(), versions.get(v.id())))
        .sorted(Comparator.comparing(VideoCompletion.Video::title, byTitle))
        .toList();
  }

  /** Completion of the video's quiz; empty for another tenant's or no video. */
  public Optional<VideoCompletion> of(String videoId) {
    Optional<VideoCompletion> completion = videos.find(videoId).map(this::completion);
    completion.ifPresent(c -> audited(Action.COMPLETION_READ, c));
    return completion;
  }

  /** The same as CSV (name, completed, completed_at, quiz_version), cells neutralised. */
  public Optional<String> csv(String videoId) {
    Optional<VideoCompletion> completion = videos.find(videoId).map(this::completion);
    completion.ifPresent(c -> audited(Action.EXPORT, c));
    return completion.map(Completion::toCsv);
  }

  private VideoCompletion completion(VideoView video) {
    List<Quiz> quizzes = store.ofVideo(video.id());
    Map<String, List<SubmittedAttempt>> submitted =
        store.submittedOf(quizzes.stream().map(Quiz::id).toList());
    Map<String, CompletionTable.Completed> done =
        CompletionTable.completed(
            quizzes.stream()
                .map(
                    q ->
                        new CompletionTable.Version(
                            q.number(),
                            QuizCodec.definition(q.definitionJson()).counting(),
                            submitted.getOrDefault(q.id(), List.of())))
                .toList());
    List<String> employees = people.activeWith(Role.EMPLOYEE);
    Map<String, String> named = names.of(employees);
    Collator byName = Collator.getInstance(Locale.ROOT);
    List<VideoCompletion.Row> rows =
        employees.stream()
            .map(
                id -> {
                  CompletionTable.Completed c = done.get(id);
                  return new VideoCompletion.Row(
                      id,
                      named.getOrDefault(id, "?"),
                      c != null,
                      c == null ? null : c.at(),
                      c == null ? null : c.quizNumber());
                })
            .sorted(Comparator.comparing(VideoCompletion.Row::name, byName))
            .toList();
    int completed = (int) rows.stream().filter(VideoCompletion.Row::completed).count();
    return new VideoCompletion(video.id(), video.title(), quizzes.size(), completed, rows);
  }

  private void audited(Action action, VideoCompletion completion) {
    audit.recordInTransaction(
        AuditEvent.of(action)
            .subject("video-completion", completion.videoId())
            .detail("employees", completion.rows().size()));
  }

  private static String toCsv(VideoCompletion completion) {
    StringBuilder csv =
        new StringBuilder(
            CsvWriter.row(List.of("name", "completed", "completed_at", "quiz_version")));
    for (VideoCompletion.Row row : completion.rows()) {
      csv.append(
          CsvWriter.row(
              Arrays.asList(
                  row.name(),
                  row.completed(),
                  row.completedAt() == null ? null : row.completedAt().toString(),
                  row.quizNumber())));
    }
    return csv.toString();
  }
}
