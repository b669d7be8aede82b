package io.kursfilm.web.ui;

import io.kursfilm.learning.boundary.CertificateView;
import io.kursfilm.learning.boundary.Certificates;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The employee's certificates of completion on the portal page (portal-certificates.xhtml), each
 * with its PDF link. REST twin {@code GET /certificates}.
 */
@Named("myCertificates")
@ViewScoped
public class CertificatesBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Certificates certificates;

  private List<Row> rows;

  /** One certificate as the list shows it. */
  public record Row(String id, String kind, String completedAt, String issuedAt)
      implements Serializable {
    public String getId() {
      return id;
    }

    public String getKind() {
      return kind;
    }

    public String getCompletedAt() {
      return completedAt;
    }

    public String getIssuedAt() {
      return issuedAt;
    }
  }

  public List<Row> getRows() {
    if (rows == null) {
      rows = certificates.mine().stream().map(CertificatesBean::row).toList();
    }
    return rows;
  }

  private static Row row(CertificateView c) {
    return new Row(
        c.id(),
        c.videoId() != null ? "video" : "course",
        Times.when(c.completedAt()),
        Times.when(c.issuedAt()));
  }
}
