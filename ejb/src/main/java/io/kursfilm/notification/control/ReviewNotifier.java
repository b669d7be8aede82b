package io.kursfilm.notification.control;

import io.kursfilm.identity.boundary.Recipients;
import io.kursfilm.kernel.Role;
import io.kursfilm.notification.entity.Notification;
import io.kursfilm.video.boundary.VideoTransitioned;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;

/**
 * Writes the in-app notifications of a version's move inside the transaction that moves it, so they
 * exist exactly when the move commits, and announces them for the mails sent after commit. Reads
 * only user ids here: nothing that could fail to open stands between a decision and its commit.
 */
@Dependent
public class ReviewNotifier {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Recipients recipients;
  @Inject Clock clock;
  @Inject Event<Notified> notified;

  void onMove(@Observes VideoTransitioned moved) {
    NotificationPlan.of(moved, () -> recipients.activeWith(Role.CRITIC))
        .ifPresent(
            plan -> {
              Instant now = clock.instant();
              for (String userId : plan.recipients()) {
                em.persist(
                    new Notification(userId, plan.kind(), moved.videoId(), moved.version(), now));
              }
              notified.fire(
                  new Notified(
                      moved.tenantId(),
                      moved.videoId(),
                      moved.version(),
                      moved.title(),
                      plan.kind(),
                      plan.recipients()));
            });
  }
}
