package io.kursfilm.web.ui;

import io.kursfilm.learning.boundary.Assignments;
import io.kursfilm.learning.boundary.Groups;
import io.kursfilm.learning.boundary.ImportReport;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.event.FileUploadEvent;

/**
 * The tenant admin's groups page: groups with their size, one group's members (added from the
 * tenant's employees, removed one by one), a new group, and the CSV import with its report. REST
 * twin: {@code /api/v1/groups}.
 */
@Named("groupsAdmin")
@ViewScoped
public class GroupsBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A group, or a member, or a report line, as a row. */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final String name;
    private final String detail;

    Row(String id, String name, String detail) {
      this.id = id;
      this.name = name;
      this.detail = detail;
    }

    public String getId() {
      return id;
    }

    public String getName() {
      return name;
    }

    public String getDetail() {
      return detail;
    }
  }

  @Inject transient Groups groups;
  @Inject transient Assignments assignments;

  private List<Row> rows;
  private final List<PickItem> people = new ArrayList<>();
  private String newName;
  private String selected;
  private String selectedName;
  private List<Row> members = List.of();
  private List<String> toAdd = new ArrayList<>();
  private List<Row> report = List.of();

  @PostConstruct
  void load() {
    rows =
        groups.list().stream()
            .map(g -> new Row(g.id(), g.name(), Integer.toString(g.memberCount())))
            .toList();
    if (people.isEmpty()) {
      assignments.people().forEach(p -> people.add(new PickItem(p.id(), p.getLabel())));
    }
  }

  public void create() {
    try {
      groups.create(newName);
      newName = null;
      Messages.info("groups.created");
      load();
    } catch (IllegalArgumentException e) {
      Messages.plain(FacesMessage.SEVERITY_ERROR, e.getMessage());
    }
  }

  public void open(String id) {
    selected = id;
    groups
        .find(id)
        .ifPresent(
            g -> {
              selectedName = g.name();
              members =
                  g.members().stream()
                      .map(m -> new Row(m.userId(), m.name() == null ? m.userId() : m.name(), null))
                      .toList();
            });
  }

  public void addMembers() {
    try {
      groups.addMembers(selected, toAdd);
      toAdd = new ArrayList<>();
      open(selected);
      load();
    } catch (IllegalArgumentException e) {
      Messages.plain(FacesMessage.SEVERITY_ERROR, e.getMessage());
    }
  }

  public void removeMember(String userId) {
    groups.removeMember(selected, userId);
    open(selected);
    load();
  }

  public void delete(String id) {
    groups.delete(id);
    if (id.equals(selected)) {
      selected = null;
      members = List.of();
    }
    load();
  }

  public void upload(FileUploadEvent event) {
    try {
      String csv = new String(event.getFile().getContent(), StandardCharsets.UTF_8);
      ImportReport r = groups.importCsv(csv, selected);
      report =
          r.lines().stream()
              .map(
                  l ->
                      new Row(
                          Integer.toString(l.line()),
                          l.email(),
                          Messages.text("groups.outcome." + l.outcome())
                              + (l.error() == null ? "" : ": " + l.error())))
              .toList();
      Messages.plain(
          FacesMessage.SEVERITY_INFO,
          Messages.text("groups.import.summary")
              .replace("{0}", Integer.toString(r.added()))
              .replace("{1}", Integer.toString(r.invited()))
              .replace("{2}", Integer.toString(r.rejected())));
      load();
      if (selected != null) {
        open(selected);
      }
    } catch (IllegalArgumentException e) {
      Messages.plain(FacesMessage.SEVERITY_ERROR, e.getMessage());
    }
  }

  public List<Row> getRows() {
    return rows;
  }

  public List<PickItem> getPeople() {
    return people;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  public String getSelected() {
    return selected;
  }

  public String getSelectedName() {
    return selectedName;
  }

  public List<Row> getMembers() {
    return members;
  }

  public List<String> getToAdd() {
    return toAdd;
  }

  public void setToAdd(List<String> toAdd) {
    this.toAdd = toAdd;
  }

  public List<Row> getReport() {
    return report;
  }
}
