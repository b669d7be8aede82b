package io.kursfilm.web.ui;

import io.kursfilm.identity.boundary.UserView;
import io.kursfilm.identity.boundary.Users;
import io.kursfilm.identity.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.stream.Collectors;

/** Tenant admin's start page: the people of the own company. */
@Named
@RequestScoped
public class AdminHomeBean {

  /** A user as a table row. */
  public static final class Row {
    private final UserView user;

    Row(UserView user) {
      this.user = user;
    }

    public String getEmail() {
      return user.email();
    }

    public String getDisplayName() {
      return user.displayName();
    }

    public String getRoles() {
      return user.roles().stream().map(Role::name).sorted().collect(Collectors.joining(", "));
    }

    public boolean isActive() {
      return user.active();
    }
  }

  @Inject Users users;

  private List<Row> rows;

  @PostConstruct
  void load() {
    rows = users.list().stream().map(Row::new).toList();
  }

  public List<Row> getUsers() {
    return rows;
  }
}
