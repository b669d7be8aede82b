package io.kursfilm.web.ui;

import io.kursfilm.learning.boundary.AssignmentView;
import java.io.Serializable;

/** One assignment as a table row (EL cannot read records). */
public final class AssignmentRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String id;
  private final String title;
  private final String dueDate;
  private final String state;
  private final String completedAt;
  private final String link;
  private final String userName;
  private final String recurrence;

  AssignmentRow(AssignmentView v) {
    this.id = v.id();
    this.title = v.title();
    this.dueDate = v.dueDate();
    this.state = v.state();
    this.completedAt = v.completedAt() == null ? null : v.completedAt().substring(0, 10);
    this.link =
        v.videoId() != null
            ? "/watch.xhtml?id=" + v.videoId()
            : "/portal/course.xhtml?id=" + v.courseId();
    this.userName = v.userName() == null ? v.userId() : v.userName();
    this.recurrence = v.recurrence();
  }

  public String getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public String getDueDate() {
    return dueDate;
  }

  /** OPEN, COMPLETED or OVERDUE: the key of its label, {@code assignment.state.*}. */
  public String getState() {
    return state;
  }

  public boolean isOverdue() {
    return "OVERDUE".equals(state);
  }

  public String getCompletedAt() {
    return completedAt;
  }

  /** The page to open it, relative to the context path. */
  public String getLink() {
    return link;
  }

  public String getUserName() {
    return userName;
  }

  public String getRecurrence() {
    return recurrence;
  }
}
