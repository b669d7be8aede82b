package io.kursfilm.web.ui;

import io.kursfilm.learning.boundary.Assignments;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The assignments of the tenant per person for trainers and tenant admins, the overdue ones by
 * default: who, what, due when, completed when — never a quiz score. Read once per view (each read
 * is audited). REST twin: {@code GET /api/v1/assignments?overdue=true}.
 */
@Named("overdue")
@ViewScoped
public class OverdueBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Assignments assignments;

  private boolean all;
  private List<AssignmentRow> rows;

  public void load() {
    if (rows == null) {
      rows = assignments.ofTenant(!all).stream().map(AssignmentRow::new).toList();
    }
  }

  public List<AssignmentRow> getRows() {
    return rows;
  }

  public boolean isAll() {
    return all;
  }

  public void setAll(boolean all) {
    this.all = all;
  }
}
