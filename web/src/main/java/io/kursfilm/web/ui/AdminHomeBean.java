package io.kursfilm.web.ui;

import io.kursfilm.identity.boundary.UserView;
import io.kursfilm.identity.boundary.Users;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tenant admin's start page: the people of the own company, with a dialog to activate or deactivate
 * one and edit their roles (REST twin: {@code PUT /api/v1/users/{id}}). Lives as long as the page,
 * so the dialog edits the row that was clicked.
 */
@Named
@ViewScoped
public class AdminHomeBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A user as a table row; plain fields so the view scope can be serialised. */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final String email;
    private final String displayName;
    private final List<String> roles;
    private final boolean active;

    Row(UserView user) {
      this.id = user.id();
      this.email = user.email();
      this.displayName = user.displayName();
      this.roles = user.roles().stream().map(Role::name).sorted().toList();
      this.active = user.active();
    }

    public String getId() {
      return id;
    }

    public String getEmail() {
      return email;
    }

    public String getDisplayName() {
      return displayName;
    }

    public String getRoles() {
      return String.join(", ", roles);
    }

    public boolean isActive() {
      return active;
    }
  }

  @Inject Users users;

  private List<Row> rows;
  private String editedId;
  private String editedEmail;
  private boolean editedActive;
  private List<String> editedRoles = new ArrayList<>();

  @PostConstruct
  void load() {
    rows = users.list().stream().map(Row::new).toList();
  }

  public List<Row> getUsers() {
    return rows;
  }

  /** Roles a tenant admin can grant: all but the platform's ROOT. */
  public List<String> getGrantableRoles() {
    return EnumSet.complementOf(EnumSet.of(Role.ROOT)).stream().map(Role::name).toList();
  }

  /** Fills the dialog with the clicked row. */
  public void edit(Row row) {
    editedId = row.id;
    editedEmail = row.email;
    editedActive = row.active;
    editedRoles = new ArrayList<>(row.roles);
  }

  /** Saves the dialog; the boundary ends the user's sessions when that is needed. */
  public void save() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      Set<Role> roles = editedRoles.stream().map(Role::valueOf).collect(Collectors.toSet());
      users.update(editedId, editedActive, roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles));
      Messages.info("users.saved");
      load();
    } catch (ConflictException | IllegalArgumentException | EJBException refused) {
      faces.validationFailed();
      Messages.error("users.refused");
    }
  }

  public String getEditedEmail() {
    return editedEmail;
  }

  public boolean isEditedActive() {
    return editedActive;
  }

  public void setEditedActive(boolean editedActive) {
    this.editedActive = editedActive;
  }

  public List<String> getEditedRoles() {
    return editedRoles;
  }

  public void setEditedRoles(List<String> editedRoles) {
    this.editedRoles = editedRoles == null ? new ArrayList<>() : new ArrayList<>(editedRoles);
  }
}
