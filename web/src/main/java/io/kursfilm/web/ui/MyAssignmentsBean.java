package io.kursfilm.web.ui;

import io.kursfilm.learning.boundary.Assignments;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * "Assigned to me" on the portal start page: the employee's assignments, overdue first, twenty to a
 * page. REST twin: {@code GET /api/v1/assignments}.
 */
@Named("myAssignments")
@ViewScoped
public class MyAssignmentsBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Assignments assignments;

  private List<AssignmentRow> rows;

  @PostConstruct
  void load() {
    // Overdue first, then open, completed last; each by due date (the boundary's order).
    rows =
        assignments.mine().stream()
            .map(AssignmentRow::new)
            .sorted(Comparator.comparingInt(MyAssignmentsBean::rank))
            .toList();
  }

  private static int rank(AssignmentRow row) {
    return switch (row.getState()) {
      case "OVERDUE" -> 0;
      case "OPEN" -> 1;
      default -> 2;
    };
  }

  public List<AssignmentRow> getRows() {
    return rows;
  }

  public long getOverdueCount() {
    return rows.stream().filter(AssignmentRow::isOverdue).count();
  }
}
