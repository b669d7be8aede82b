package io.kursfilm.web.api;

import io.kursfilm.notification.boundary.NotificationView;
import io.kursfilm.notification.boundary.Notifications;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own notifications, the twin of the bell in the UI (TRAINER, CRITIC, TENANT_ADMIN,
 * EMPLOYEE). Another person's notification id is a 404, as is one that does not exist.
 */
@Path("notifications")
@RequestScoped
@Tag(name = "notifications")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

  /** Body of {@code GET /notifications/unread-count}. */
  public record UnreadCount(long unread) {}

  /** Body of {@code POST /notifications/read-all}. */
  public record Marked(int marked) {}

  @Inject Notifications notifications;

  @GET
  @Operation(
      summary = "My newest notifications, newest first",
      description =
          "Each names the video and version it is about, its kind (REVIEW_WAITING, APPROVED,"
              + " PUBLISHED, CHANGES_REQUESTED), the video's title as I see it now (left out when I"
              + " no longer see it) and readAt (left out while unread). limit: 1 to 50, default 20.")
  public List<NotificationView> latest(@QueryParam("limit") @DefaultValue("20") int limit) {
    return notifications.latest(limit);
  }

  @GET
  @Path("unread-count")
  @Operation(summary = "How many of my notifications are unread: {\"unread\": n}")
  public UnreadCount unreadCount() {
    return new UnreadCount(notifications.unreadCount());
  }

  @POST
  @Path("{id}/read")
  @Operation(summary = "Mark one of my notifications read (again is harmless); 404 if not mine")
  public NotificationView markRead(@PathParam("id") String id) {
    return notifications.markRead(id).orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("read-all")
  @Operation(summary = "Mark all my notifications read: {\"marked\": n}, how many were unread")
  public Marked markAllRead() {
    return new Marked(notifications.markAllRead());
  }
}
