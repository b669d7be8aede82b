package io.kursfilm.offboarding.control;

import io.kursfilm.audit.boundary.AuditArchive;
import io.kursfilm.identity.boundary.TenantMembers;
import io.kursfilm.learning.boundary.CertificateArchive;
import io.kursfilm.learning.boundary.LearningArchive;
import io.kursfilm.quiz.boundary.QuizArchive;
import io.kursfilm.review.boundary.ReviewArchive;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.video.boundary.GuestLinkArchive;
import io.kursfilm.video.boundary.VideoArchive;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a tenant's export holds, as items in path order (the same order on every run, which is what
 * lets a resumed run skip exactly what the archive already has): {@code tenant.json}, {@code
 * users.json}, the audit log and its verification, {@code certificates.json}, {@code learning.json}
 * (courses, groups, assignments, completions, progress), and per video its metadata, media,
 * captions, review history and quizzes. Read through each component's archive boundary; media are
 * opened (decrypted) only when their turn comes.
 */
@Dependent
public class ExportPlan {

  @Inject VideoArchive videos;
  @Inject ReviewArchive reviews;
  @Inject QuizArchive quizzes;
  @Inject GuestLinkArchive guestLinks;
  @Inject CertificateArchive certificates;
  @Inject LearningArchive learning;
  @Inject TenantMembers members;
  @Inject AuditArchive audit;
  @Inject TenantDirectory tenants;
  @Inject Clock clock;

  public List<ExportItem> of(String tenantId) {
    List<ExportItem> items = new ArrayList<>();
    items.add(ExportItem.of("tenant.json", tenant(tenantId)));
    items.add(ExportItem.of("users.json", members.usersJson(tenantId)));
    items.add(ExportItem.of("audit/log.jsonl", audit.entries(tenantId, clock.instant())));
    items.add(ExportItem.of("audit/verification.json", audit.verification(tenantId)));
    items.add(ExportItem.of("certificates.json", certificates.json(tenantId)));
    items.add(ExportItem.of("learning.json", learning.json(tenantId)));
    VideoArchive.Archive archive = videos.of(tenantId);
    for (VideoArchive.Metadata m : archive.metadata()) {
      items.add(ExportItem.of(m.path(), m.json()));
      String folder = m.path().substring(0, m.path().lastIndexOf('/') + 1);
      String videoId = folder.substring("videos/".length(), folder.length() - 1);
      items.add(ExportItem.of(folder + "review.json", reviews.ofVideo(tenantId, videoId)));
      items.add(ExportItem.of(folder + "guest-links.json", guestLinks.ofVideo(tenantId, videoId)));
      for (QuizArchive.QuizFile q : quizzes.ofVideo(tenantId, videoId)) {
        items.add(ExportItem.of(folder + "quiz/" + q.name(), q.bytes()));
      }
    }
    for (VideoArchive.ArchivedFile f : archive.files()) {
      items.add(new ExportItem(f.path(), f.size(), () -> videos.open(tenantId, f)));
    }
    items.sort(Comparator.comparing(ExportItem::path));
    return items;
  }

  private byte[] tenant(String tenantId) {
    var tenant = tenants.find(tenantId).orElseThrow();
    var json =
        Json.createObjectBuilder()
            .add("id", tenant.id())
            .add("slug", tenant.slug())
            .add("name", tenant.name());
    tenants
        .settings(tenantId)
        .ifPresent(
            s ->
                json.add("anonymiseResults", s.anonymiseResults())
                    .add("requireCriticApproval", s.requireCriticApproval()));
    return json.build().toString().getBytes(StandardCharsets.UTF_8);
  }
}
