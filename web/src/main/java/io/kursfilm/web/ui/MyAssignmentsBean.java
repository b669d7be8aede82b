package io.kursfilm.web.ui;

import io.kursfilm.learning.boundary.Assignments;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * "Assigned to me" on the portal start page: the employee's assignments, soonest due first. REST
 * twin: {@code GET /api/v1/assignments}.
 */
@Named("myAssignments")
@ViewScoped
public class MyAssignmentsBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Assignments assignments;

  private List<AssignmentRow> rows;

  @PostConstruct
  void load() {
    rows = assignments.mine().stream().map(AssignmentRow::new).toList();
  }

  public List<AssignmentRow> getRows() {
    return rows;
  }

  public long getOverdueCount() {
    return rows.stream().filter(AssignmentRow::isOverdue).count();
  }
}
