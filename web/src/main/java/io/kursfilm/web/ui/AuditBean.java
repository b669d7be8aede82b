package io.kursfilm.web.ui;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEntryView;
import io.kursfilm.audit.boundary.AuditTrail;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The tenant admin's audit log page: a lazy, paged table over {@link AuditTrail} (the boundary
 * limits it to the own tenant), filtered by action and a date range (whole days, UTC). REST twin:
 * {@code GET /api/v1/audit}.
 */
@Named
@ViewScoped
public class AuditBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** An entry as a table row: JSF EL cannot read records. */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final AuditEntryView entry;

    Row(AuditEntryView entry) {
      this.entry = entry;
    }

    public String getId() {
      return entry.id();
    }

    public long getSequence() {
      return entry.sequence();
    }

    public String getTime() {
      return entry.time().toString();
    }

    public String getAction() {
      return entry.action();
    }

    public String getActor() {
      return entry.actorId() == null ? "" : entry.actorId();
    }

    public String getSubject() {
      return entry.subjectType() == null
          ? ""
          : entry.subjectType() + (entry.subjectId() == null ? "" : " " + entry.subjectId());
    }

    public String getDetails() {
      return entry.details().entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(", "));
    }
  }

  /** Pages through the boundary; the boundary caps the page size. */
  private final class Entries extends LazyDataModel<Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, trail.count(criteria(0, 1)));
    }

    @Override
    public List<Row> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return trail.list(criteria(first, pageSize)).stream().map(Row::new).toList();
    }

    @Override
    public String getRowKey(Row row) {
      return row.getId();
    }
  }

  @Inject AuditTrail trail;

  private Action action;
  private LocalDate from;
  private LocalDate to;
  private final Entries entries = new Entries();

  private AuditTrail.Criteria criteria(int first, int pageSize) {
    return new AuditTrail.Criteria(
        null,
        from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
        action,
        null,
        first,
        Math.max(1, Math.min(pageSize, 500)));
  }

  public LazyDataModel<Row> getEntries() {
    return entries;
  }

  public Action[] getActions() {
    return Action.values();
  }

  public Action getAction() {
    return action;
  }

  public void setAction(Action action) {
    this.action = action;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }
}
