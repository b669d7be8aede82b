package io.kursfilm.web.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.identity.boundary.Profile;
import io.kursfilm.identity.control.AuthenticatedCaller;
import io.kursfilm.identity.control.Caller;
import io.kursfilm.identity.control.NotAuthenticatedException;
import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.identity.entity.Role;
import io.kursfilm.identity.entity.User;
import io.kursfilm.tenant.control.TenantFilter;
import io.kursfilm.tenant.control.TenantRegistry;
import io.kursfilm.web.ItEnvironment;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant isolation at bean level, inside the container: the central tenant filter must keep one
 * tenant's rows out of another's transactions, even when ids of the other tenant are known.
 */
@ExtendWith(ArquillianExtension.class)
class TenancyIT {

  @Deployment
  static WebArchive app() {
    return ItEnvironment.war().addClass(TenancyIT.class);
  }

  @Inject TenantRegistry tenants;
  @Inject TenantFilter filter;
  @Inject UserDirectory users;
  @Inject Caller caller;
  @Inject Profile profile;

  @Resource UserTransaction tx;

  @Test
  void a_transaction_bound_to_acme_cannot_see_demo_users() throws Exception {
    String acme = tenantId("acme");
    String demoTrainer = userIdOf("demo", "trainer@demo.example");

    inTx(
        () -> {
          filter.bind(acme);
          assertTrue(users.find(demoTrainer).isEmpty(), "find by primary key");
          assertTrue(users.findByEmail("trainer@demo.example").isEmpty(), "named query");
          List<User> all = users.all();
          assertEquals(8, all.size());
          assertTrue(all.stream().allMatch(u -> acme.equals(u.tenantId())));
          return null;
        });
  }

  @Test
  void rows_are_written_to_the_bound_tenant() throws Exception {
    String acme = tenantId("acme");
    String id =
        inTx(
            () -> {
              filter.bind(acme);
              return users
                  .create("written@acme.example", "W", EnumSet.of(Role.EMPLOYEE), null)
                  .id();
            });
    try {
      String tenantOfRow =
          inTx(
              () -> {
                filter.bind(acme);
                return users.find(id).orElseThrow().tenantId();
              });
      assertEquals(acme, tenantOfRow);
    } finally {
      tx.begin();
      filter.bind(acme);
      users.find(id).ifPresent(u -> users.remove(u));
      tx.commit();
    }
  }

  @Test
  void without_a_bound_tenant_tenant_owned_rows_cannot_be_read() throws Exception {
    tx.begin();
    try {
      assertThrows(RuntimeException.class, () -> users.all());
    } finally {
      tx.rollback();
    }
  }

  @Test
  void a_boundary_uses_the_authenticated_tenant_not_the_ids_it_is_given() throws Exception {
    String acme = tenantId("acme");
    String demoTrainer = userIdOf("demo", "trainer@demo.example");
    // A forged caller: acme's tenant with the id of a demo user.
    caller.bind(new AuthenticatedCaller(acme, "acme", demoTrainer, EnumSet.of(Role.TRAINER)));

    assertThrows(NotAuthenticatedException.class, () -> profile.me());
  }

  @Test
  void personal_columns_hold_no_e_mail_or_name_in_clear() throws Exception {
    DataSource db = InitialContext.doLookup("java:app/jdbc/kursfilm");
    List<String> stored = new ArrayList<>();
    try (Connection c = db.getConnection();
        ResultSet rows =
            c.createStatement()
                .executeQuery("SELECT email, display_name, email_index FROM app_user")) {
      while (rows.next()) {
        stored.add(rows.getString(1));
        stored.add(rows.getString(2));
        stored.add(rows.getString(3));
      }
    }

    assertTrue(stored.size() >= 3 * 17, "demo seed present");
    assertTrue(
        stored.stream().noneMatch(v -> v.contains("@") || v.contains("Employee")), stored.get(0));
    String acme = tenantId("acme");
    String name =
        inTx(
            () -> {
              filter.bind(acme);
              return users.findByEmail("employee3@acme.example").orElseThrow().displayName();
            });
    assertEquals("Employee 3", name);
  }

  private String tenantId(String slug) throws Exception {
    return inTx(() -> tenants.findBySlug(slug).orElseThrow().id());
  }

  private String userIdOf(String slug, String email) throws Exception {
    String tenant = tenantId(slug);
    return inTx(
        () -> {
          filter.bind(tenant);
          return users.findByEmail(email).orElseThrow().id();
        });
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
