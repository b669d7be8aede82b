package io.kursfilm.web.ui;

import io.kursfilm.identity.boundary.CsvLineResult;
import io.kursfilm.identity.boundary.InvitationView;
import io.kursfilm.identity.boundary.Invitations;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.Role;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.primefaces.event.FileUploadEvent;

/** Tenant admin's invitations page: invite one, upload a CSV, see and revoke pending ones. */
@Named
@ViewScoped
public class InvitationsBean implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  /** A pending invitation as a table row (EL cannot read records). */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final String email;
    private final String roles;
    private final String expires;

    Row(InvitationView v) {
      this.id = v.id();
      this.email = v.email();
      this.roles = v.roles().stream().map(Role::name).sorted().collect(Collectors.joining(", "));
      this.expires = WHEN.format(v.expiresAt());
    }

    public String getId() {
      return id;
    }

    public String getEmail() {
      return email;
    }

    public String getRoles() {
      return roles;
    }

    public String getExpires() {
      return expires;
    }
  }

  @Inject Invitations invitations;

  private String email;
  private String displayName;
  private List<String> roles = new ArrayList<>(List.of(Role.EMPLOYEE.name()));
  private List<Row> pending;

  @PostConstruct
  void load() {
    pending = invitations.pending().stream().map(Row::new).toList();
  }

  public void invite() {
    try {
      EnumSet<Role> chosen = EnumSet.noneOf(Role.class);
      roles.forEach(r -> chosen.add(Role.valueOf(r)));
      InvitationView sent = invitations.invite(email, displayName, chosen);
      Messages.info("invitations.sent");
      if (sent.link() != null) {
        Messages.plain(FacesMessage.SEVERITY_WARN, sent.link());
      }
      email = null;
      displayName = null;
    } catch (ConflictException e) {
      Messages.error("invite.exists");
    } catch (IllegalArgumentException e) {
      Messages.plain(FacesMessage.SEVERITY_ERROR, e.getMessage());
    }
    load();
  }

  public void upload(FileUploadEvent event) {
    try {
      String csv = new String(event.getFile().getContent(), StandardCharsets.UTF_8);
      for (CsvLineResult r : invitations.importCsv(csv)) {
        Messages.plain(
            r.invited() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_ERROR,
            Messages.text("invitations.line")
                + " "
                + r.line()
                + ": "
                + r.email()
                + (r.invited() ? " ✓" : " – " + r.error()));
      }
    } catch (IllegalArgumentException e) {
      Messages.plain(FacesMessage.SEVERITY_ERROR, e.getMessage());
    }
    load();
  }

  public void revoke(String id) {
    invitations.revoke(id);
    Messages.info("invitations.revoked");
    load();
  }

  public List<String> getAllRoles() {
    return List.of(
        Role.TENANT_ADMIN.name(), Role.TRAINER.name(), Role.CRITIC.name(), Role.EMPLOYEE.name());
  }

  public List<Row> getPending() {
    return pending;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles;
  }
}
