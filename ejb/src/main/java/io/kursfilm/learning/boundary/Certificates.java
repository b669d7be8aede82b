package io.kursfilm.learning.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.identity.boundary.PersonDetails;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.learning.control.CertificateContent;
import io.kursfilm.learning.control.CertificateIssuer;
import io.kursfilm.learning.control.CompletionCertificatePdf;
import io.kursfilm.learning.control.CourseTitles;
import io.kursfilm.learning.entity.Certificate;
import io.kursfilm.learning.entity.CertificateKey;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantView;
import io.kursfilm.video.boundary.VideoTitles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Certificates of completion: a person's own list and PDFs, a tenant admin's download of anybody's
 * of the tenant (proof of training, audited), and the anonymous verification of an id, which
 * answers valid or not and nothing else. Another person's certificate looks missing to an employee.
 */
@Stateless
public class Certificates {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Caller caller;
  @Inject AuditLog audit;
  @Inject TenantDirectory tenants;
  @Inject PersonDetails people;
  @Inject VideoTitles videoTitles;
  @Inject CourseTitles courseTitles;
  @Inject CertificateIssuer issuer;
  @Inject Assignments assignments;

  @Inject
  @ConfigProperty(name = "kursfilm.base-url")
  String baseUrl;

  /**
   * The caller's own certificates, newest first. A completion the assignments' pass has not written
   * down yet gets its certificate here, so it is there as soon as the person looks.
   */
  @TenantScoped
  @RolesAllowed(Role.Names.EMPLOYEE)
  public List<CertificateView> mine() {
    String me = caller.require().userId();
    for (CompletedAssignment done : assignments.completedOf(me)) {
      issuer.issue(
          me,
          done.assignmentId(),
          String.valueOf(done.cycle()),
          done.subjectKind(),
          done.subjectId(),
          done.completedAt());
    }
    return em.createNamedQuery(Certificate.OF_USER, Certificate.class)
        .setParameter("userId", me)
        .getResultStream()
        .map(Certificates::view)
        .toList();
  }

  /**
   * The PDF of a certificate: the owner's own, or any of the tenant for a tenant admin (audited
   * when it is somebody else's). Empty when there is none the caller may read.
   */
  @TenantScoped
  @RolesAllowed({Role.Names.EMPLOYEE, Role.Names.TENANT_ADMIN})
  public Optional<CertificateDocument> pdf(String id) {
    if (!Certificate.wellFormedId(id)) {
      return Optional.empty();
    }
    AuthenticatedCaller who = caller.require();
    Optional<Certificate> found =
        Optional.ofNullable(em.find(Certificate.class, id))
            .filter(c -> c.userId().equals(who.userId()) || who.has(Role.TENANT_ADMIN));
    found
        .filter(c -> !c.userId().equals(who.userId()))
        .ifPresent(
            c ->
                audit.record(
                    AuditEvent.of(Action.CERTIFICATE_READ)
                        .subject("certificate", c.id())
                        .detail("user", c.userId())));
    return found.map(c -> new CertificateDocument(c.id(), render(c, who.tenantId())));
  }

  /**
   * Whether {@code id} names a certificate of a company that still exists: for anybody, without a
   * tenant (the id is all a reader of the PDF has). Answers nothing else.
   */
  @PermitAll
  public boolean verify(String id) {
    if (!Certificate.wellFormedId(id)) {
      return false;
    }
    return Optional.ofNullable(em.find(CertificateKey.class, id))
        .flatMap(k -> tenants.find(k.tenantId()))
        .map(t -> t.isActive() || t.isOffboarding())
        .orElse(false);
  }

  private byte[] render(Certificate c, String tenantId) {
    PersonDetails.Person person = people.of(c.userId()).orElse(new PersonDetails.Person("", null));
    String title =
        Certificate.VIDEO.equals(c.subjectKind())
            ? videoTitles.of(c.subjectId()).orElse(null)
            : courseTitle(c.subjectId());
    String company = tenants.find(tenantId).map(TenantView::name).orElse("");
    String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    return CompletionCertificatePdf.render(
        new CertificateContent(
            c.id(),
            company,
            person.displayName(),
            c.subjectKind(),
            title,
            c.completedAt(),
            base + "verify.xhtml?id=" + c.id(),
            person.language()));
  }

  private String courseTitle(String courseId) {
    return courseTitles.title(courseId).orElse(null);
  }

  static CertificateView view(Certificate c) {
    boolean video = Certificate.VIDEO.equals(c.subjectKind());
    return new CertificateView(
        c.id(),
        video ? c.subjectId() : null,
        video ? null : c.subjectId(),
        c.completedAt(),
        c.issuedAt());
  }
}
