package io.kursfilm.web.ui;

import io.kursfilm.kernel.ConflictException;
import io.kursfilm.learning.boundary.Assignments;
import io.kursfilm.learning.boundary.Courses;
import io.kursfilm.learning.boundary.Groups;
import io.kursfilm.learning.boundary.NewAssignment;
import io.kursfilm.video.boundary.Videos;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Assigning (trainers and tenant admins): a published video or a course, to people and/or groups,
 * by a due date, once or recurring. REST twin: {@code POST /api/v1/assignments}.
 */
@Named("assign")
@ViewScoped
public class AssignBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Assignments assignments;
  @Inject transient Videos videos;
  @Inject transient Courses courses;
  @Inject transient Groups groups;

  private final List<PickItem> subjects = new ArrayList<>();
  private final List<PickItem> people = new ArrayList<>();
  private final List<PickItem> groupChoices = new ArrayList<>();
  private String subject;
  private List<String> userIds = new ArrayList<>();
  private List<String> groupIds = new ArrayList<>();
  private LocalDate dueDate;
  private String recurrence = "";

  @PostConstruct
  void load() {
    String video = Messages.text("assign.kind.video");
    String course = Messages.text("assign.kind.course");
    videos.list(Optional.empty()).stream()
        .filter(v -> v.publishedVersion() != null)
        .forEach(v -> subjects.add(new PickItem("video:" + v.id(), video + ": " + v.title())));
    courses
        .list()
        .forEach(c -> subjects.add(new PickItem("course:" + c.id(), course + ": " + c.title())));
    assignments.people().forEach(p -> people.add(new PickItem(p.id(), p.getLabel())));
    groups
        .list()
        .forEach(
            g -> groupChoices.add(new PickItem(g.id(), g.name() + " (" + g.memberCount() + ")")));
  }

  public void save() {
    if (subject == null || !subject.contains(":")) {
      Messages.error("assign.subject.required");
      return;
    }
    String id = subject.substring(subject.indexOf(':') + 1);
    boolean isVideo = subject.startsWith("video:");
    try {
      assignments.create(
          new NewAssignment(
              isVideo ? id : null,
              isVideo ? null : id,
              userIds,
              groupIds,
              dueDate == null ? null : dueDate.toString(),
              recurrence == null || recurrence.isBlank() ? null : recurrence));
      Messages.info("assign.saved");
      userIds = new ArrayList<>();
      groupIds = new ArrayList<>();
    } catch (IllegalArgumentException | ConflictException e) {
      Messages.plain(FacesMessage.SEVERITY_ERROR, e.getMessage());
    }
  }

  public LocalDate getToday() {
    return LocalDate.now();
  }

  public List<PickItem> getSubjects() {
    return subjects;
  }

  public List<PickItem> getPeople() {
    return people;
  }

  public List<PickItem> getGroupChoices() {
    return groupChoices;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public List<String> getUserIds() {
    return userIds;
  }

  public void setUserIds(List<String> userIds) {
    this.userIds = userIds;
  }

  public List<String> getGroupIds() {
    return groupIds;
  }

  public void setGroupIds(List<String> groupIds) {
    this.groupIds = groupIds;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public void setDueDate(LocalDate dueDate) {
    this.dueDate = dueDate;
  }

  public String getRecurrence() {
    return recurrence;
  }

  public void setRecurrence(String recurrence) {
    this.recurrence = recurrence;
  }
}
