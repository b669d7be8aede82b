package io.kursfilm.web.ui;

import io.kursfilm.identity.boundary.DeletionRequests;
import io.kursfilm.kernel.ConflictException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Tenant admin's list of erasure requests with approve and reject. */
@Named
@RequestScoped
public class DeletionRequestsBean {

  /** A request as a table row. */
  public static final class Row {
    private final DeletionRequests.Pending pending;

    Row(DeletionRequests.Pending pending) {
      this.pending = pending;
    }

    public String getId() {
      return pending.id();
    }

    public String getEmail() {
      return pending.email();
    }

    public String getDisplayName() {
      return pending.displayName();
    }

    public String getRequestedAt() {
      return pending.requestedAt().toString();
    }
  }

  @Inject DeletionRequests requests;

  private List<Row> rows;

  public List<Row> getRequests() {
    if (rows == null) {
      rows = requests.pending().stream().map(Row::new).toList();
    }
    return rows;
  }

  public void approve(String id) {
    decide(() -> requests.approve(id));
  }

  public void reject(String id) {
    decide(() -> requests.reject(id));
  }

  private void decide(java.util.function.BooleanSupplier decision) {
    try {
      decision.getAsBoolean();
    } catch (ConflictException e) {
      Messages.plain(FacesMessage.SEVERITY_WARN, e.getMessage());
    }
    rows = null;
  }
}
