package io.kursfilm.web.ui;

import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import io.kursfilm.notification.boundary.NotificationView;
import io.kursfilm.notification.boundary.Notifications;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The bell in the shell: the caller's unread count on every page, their newest notifications when
 * the bell is opened, and following one to its video, which marks it read (REST twin: {@code
 * /api/v1/notifications}). Shown to the roles that get notifications.
 */
@Named("bell")
@RequestScoped
public class BellBean {

  /** How many notifications the bell lists. */
  static final int SHOWN = 10;

  private static final Set<Role> NOTIFIED =
      EnumSet.of(Role.TRAINER, Role.CRITIC, Role.TENANT_ADMIN, Role.EMPLOYEE);

  @Inject Caller caller;
  @Inject Notifications notifications;
  @Inject LocaleBean locale;
  @Inject FacesContext faces;

  private Long unread;
  private List<Item> latest;

  public boolean isShown() {
    return caller.current().map(BellBean::notified).orElse(false);
  }

  private static boolean notified(AuthenticatedCaller who) {
    return NOTIFIED.stream().anyMatch(who::has);
  }

  public long getUnread() {
    if (unread == null) {
      unread = notifications.unreadCount();
    }
    return unread;
  }

  /** Loaded only when the bell is opened (the panel's content is fetched then). */
  public List<Item> getLatest() {
    if (latest == null) {
      DateTimeFormatter when =
          DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
              .withLocale(locale.getLocale())
              .withZone(ZoneId.systemDefault());
      latest = notifications.latest(SHOWN).stream().map(n -> new Item(n, when)).toList();
    }
    return latest;
  }

  /**
   * Opens the notification named by the request parameter {@code notification}: marks it read and
   * goes to its video. Stays on the page for an id that is not the caller's.
   */
  public String open() {
    String id = faces.getExternalContext().getRequestParameterMap().get("notification");
    return notifications
        .markRead(id)
        .map(
            n ->
                "/"
                    + n.kind().page()
                    + "?faces-redirect=true&id="
                    + URLEncoder.encode(n.videoId(), StandardCharsets.UTF_8))
        .orElse(null);
  }

  public void readAll() {
    notifications.markAllRead();
    unread = null;
    latest = null;
  }

  /** One notification, with getters for EL (which cannot read records). */
  public static final class Item {
    private final String id;
    private final String kind;
    private final String title;
    private final int version;
    private final String created;
    private final boolean read;

    Item(NotificationView n, DateTimeFormatter when) {
      this.id = n.id();
      this.kind = n.kind().name();
      this.title = n.title();
      this.version = n.version();
      this.created = when.format(n.createdAt());
      this.read = n.read();
    }

    public String getId() {
      return id;
    }

    public String getKind() {
      return kind;
    }

    /** The video's title as the caller sees it now; null when they no longer see it. */
    public String getTitle() {
      return title;
    }

    public int getVersion() {
      return version;
    }

    public String getCreated() {
      return created;
    }

    public boolean isRead() {
      return read;
    }
  }
}
