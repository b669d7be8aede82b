package io.kursfilm.web.ui;

import io.kursfilm.operator.boundary.Tenants;
import io.kursfilm.tenant.boundary.TenantView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Platform operator's start page: the customer companies. */
@Named
@RequestScoped
public class RootHomeBean {

  /** A tenant as a table row. */
  public static final class Row {
    private final TenantView tenant;

    Row(TenantView tenant) {
      this.tenant = tenant;
    }

    public String getSlug() {
      return tenant.slug();
    }

    public String getName() {
      return tenant.name();
    }

    public String getState() {
      return tenant.state();
    }
  }

  @Inject Tenants tenants;

  private List<Row> rows;

  @PostConstruct
  void load() {
    rows = tenants.list().stream().map(Row::new).toList();
  }

  public List<Row> getTenants() {
    return rows;
  }
}
