package io.kursfilm.web.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.identity.boundary.FirstUsers;
import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.learning.boundary.Certificates;
import io.kursfilm.learning.control.CertificateIssuer;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantProvisioning;
import io.kursfilm.tenant.boundary.TenantView;
import io.kursfilm.web.ItEnvironment;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Certificates of completion: issued inside the container through the assignments' seam ({@link
 * CertificateIssuer}), idempotent per person, assignment and cycle, verified without a tenant, and
 * invalid once the company is shredded. Who may read a certificate is checked through the REST API
 * on one issued the real way, in LearningJourneyIT: calls from here would write audit entries of
 * the demo companies that this short-lived deployment never anchors with a checkpoint.
 */
@Tag("in-container")
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertificateIT {

  @Deployment
  static WebArchive app() {
    return ItEnvironment.war().addClasses(CertificateIT.class);
  }

  @Inject TenantDirectory tenants;
  @Inject TenantFilter filter;
  @Inject UserDirectory users;
  @Inject CertificateIssuer issuer;
  @Inject Certificates certificates;
  @Inject TenantProvisioning provisioning;
  @Inject FirstUsers firstUsers;

  @Resource UserTransaction tx;

  @Test
  @Order(1)
  void issuing_is_idempotent_per_person_assignment_and_cycle() throws Exception {
    String demo = tenants.idOf("demo").orElseThrow();
    String assignment = UUID.randomUUID().toString();
    String video = UUID.randomUUID().toString();
    Instant completed = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<String> ids =
        inTx(
            () -> {
              filter.bind(demo);
              String employee1 = users.findByEmail("employee1@demo.example").orElseThrow().id();
              String employee2 = users.findByEmail("employee2@demo.example").orElseThrow().id();
              String first = issuer.issue(employee1, assignment, null, "VIDEO", video, completed);
              String again = issuer.issue(employee1, assignment, "", "VIDEO", video, completed);
              String nextCycle =
                  issuer.issue(employee1, assignment, "2027", "VIDEO", video, completed);
              String other = issuer.issue(employee2, assignment, null, "VIDEO", video, completed);
              return List.of(first, again, nextCycle, other);
            });
    assertEquals(ids.get(0), ids.get(1), "the same completion issues no second certificate");
    assertNotEquals(ids.get(0), ids.get(2), "a new cycle has its own");
    assertNotEquals(ids.get(0), ids.get(3), "another person has their own");
    assertEquals(43, ids.get(0).length(), "256 random bits, base64url");
    String later =
        inTx(
            () -> {
              filter.bind(demo);
              String employee1 = users.findByEmail("employee1@demo.example").orElseThrow().id();
              return issuer.issue(employee1, assignment, null, "VIDEO", video, completed);
            });
    assertEquals(ids.get(0), later, "also in a later transaction");

    assertTrue(certificates.verify(ids.get(0)), "verified without a tenant bound");
    assertFalse(certificates.verify(ids.get(0).substring(1) + "x"));
    assertFalse(certificates.verify("not an id"));
  }

  @Test
  @Order(3)
  void a_shredded_companys_certificates_no_longer_verify() throws Exception {
    String slug = "cert-" + UUID.randomUUID().toString().substring(0, 8);
    String email = "learner@" + slug + ".example";
    FirstUsers.NewUser learner =
        new FirstUsers.NewUser(
            email, "Lea Lerner", EnumSet.of(Role.EMPLOYEE), "a-long-password".toCharArray());
    TenantView company =
        provisioning.provision(
            slug, "Zertifikat AG", id -> firstUsers.create(id, List.of(learner)));
    String id =
        inTx(
            () -> {
              filter.bind(company.id());
              String user = users.findByEmail(email).orElseThrow().id();
              return issuer.issue(
                  user,
                  UUID.randomUUID().toString(),
                  "",
                  "COURSE",
                  UUID.randomUUID().toString(),
                  Instant.now());
            });
    assertTrue(certificates.verify(id));

    DataSource db = InitialContext.doLookup("java:app/jdbc/kursfilm");
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("UPDATE tenant SET state = ? WHERE id = ?")) {
      s.setString(1, "SHREDDED");
      s.setString(2, company.id());
      assertEquals(1, s.executeUpdate());
    }
    assertFalse(certificates.verify(id), "the company is gone: nothing verifies");
  }

  private <T> T inTx(Callable<T> work) throws Exception {
    tx.begin();
    try {
      T result = work.call();
      tx.commit();
      return result;
    } catch (Exception | AssertionError e) {
      tx.rollback();
      throw e;
    }
  }
}
