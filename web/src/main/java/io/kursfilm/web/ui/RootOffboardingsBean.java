package io.kursfilm.web.ui;

import io.kursfilm.offboarding.boundary.OffboardingView;
import io.kursfilm.offboarding.boundary.Offboardings;
import io.kursfilm.operator.boundary.Tenants;
import io.kursfilm.tenant.boundary.TenantView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The platform operator's list of every offboarding (root/offboardings.xhtml), with the export's
 * progress and, once a tenant is shredded, its certificate. REST twin: {@code GET
 * /api/v1/offboarding}.
 */
@Named
@RequestScoped
public class RootOffboardingsBean {

  /** An offboarding as a table row. */
  public static final class Row {
    private final OffboardingView offboarding;
    private final String tenant;

    Row(OffboardingView offboarding, String tenant) {
      this.offboarding = offboarding;
      this.tenant = tenant;
    }

    public String getId() {
      return offboarding.id();
    }

    /** The tenant's slug while it exists; its id once it is shredded (its name is unreadable). */
    public String getTenant() {
      return tenant;
    }

    public String getState() {
      return offboarding.state();
    }

    public int getProgress() {
      return offboarding.progress();
    }

    public String getRequestedAt() {
      return text(offboarding.requestedAt());
    }

    public String getExportReadyAt() {
      return text(offboarding.exportReadyAt());
    }

    public String getDownloadedAt() {
      return text(offboarding.downloadedAt());
    }

    public boolean isShredded() {
      return "SHREDDED".equals(offboarding.state());
    }

    private static String text(Instant at) {
      return at == null ? "" : at.toString();
    }
  }

  @Inject Offboardings offboardings;
  @Inject Tenants tenants;

  private List<Row> rows;

  @PostConstruct
  void load() {
    // A tenant whose key is already destroyed (a shred under way) has no readable slug.
    Map<String, String> slugs =
        tenants.list().stream()
            .filter(TenantView::readable)
            .collect(Collectors.toMap(TenantView::id, TenantView::slug, (a, b) -> a));
    Function<OffboardingView, String> tenantOf =
        o -> slugs.getOrDefault(o.tenantId(), o.tenantId());
    rows = offboardings.all().stream().map(o -> new Row(o, tenantOf.apply(o))).toList();
  }

  public List<Row> getOffboardings() {
    return rows;
  }
}
