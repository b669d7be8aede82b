package io.kursfilm.web.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.identity.boundary.FirstUsers;
import io.kursfilm.identity.boundary.Profile;
import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.identity.entity.User;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.NotAuthenticatedException;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.storage.field.FieldCipherException;
import io.kursfilm.storage.sealed.SealedObject;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.storage.shred.ShredCertificate;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantOffboarding;
import io.kursfilm.tenant.boundary.TenantProvisioning;
import io.kursfilm.tenant.boundary.TenantView;
import io.kursfilm.tenant.control.TenantRegistry;
import io.kursfilm.web.ItEnvironment;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant isolation at bean level, inside the container: the central tenant filter must keep one
 * tenant's rows out of another's transactions, even when ids of the other tenant are known.
 */
@Tag("in-container")
@ExtendWith(ArquillianExtension.class)
class TenancyIT {

  @Deployment
  static WebArchive app() {
    return ItEnvironment.war().addClass(TenancyIT.class);
  }

  @Inject TenantRegistry tenants;
  @Inject TenantDirectory directory;
  @Inject TenantFilter filter;
  @Inject UserDirectory users;
  @Inject Caller caller;
  @Inject Profile profile;
  @Inject TenantProvisioning provisioning;
  @Inject FirstUsers firstUsers;
  @Inject TenantOffboarding offboarding;
  @Inject SealedObjects sealedObjects;
  @Inject FieldCipher cipher;

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
          assertTrue(all.size() >= 8, "acme's seed, maybe more from other test classes");
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

  /**
   * Someone with write access to the database swaps two users' sealed display names: each
   * ciphertext is bound to its row, so reading either user fails instead of showing the other's
   * name.
   */
  @Test
  void a_name_copied_into_another_users_row_fails_to_open_instead_of_showing() throws Exception {
    String acme = tenantId("acme");
    String alice = newUser(acme, "Alice Swap");
    String bob = newUser(acme, "Bob Swap");
    try {
      String aliceName = column(alice, "display_name");
      setColumn(alice, "display_name", column(bob, "display_name"));
      setColumn(bob, "display_name", aliceName);

      for (String id : List.of(alice, bob)) {
        Exception e =
            assertThrows(
                Exception.class,
                () ->
                    inTx(
                        () -> {
                          filter.bind(acme);
                          return users.find(id).orElseThrow().displayName();
                        }),
                "a swapped name must not open");
        assertTrue(causedBy(e, FieldCipherException.class), e.toString());
      }
    } finally {
      deleteUsers(alice, bob);
    }
  }

  /**
   * A name sealed before ciphertexts were bound to rows (bound to tenant and column only) still
   * opens, and is sealed again bound to its row when the row is next written.
   */
  @Test
  void a_name_sealed_before_row_binding_opens_and_is_bound_at_the_next_write() throws Exception {
    String acme = tenantId("acme");
    String id = newUser(acme, "New Name");
    try {
      setColumn(id, "display_name", cipher.encrypt(acme, "user.display_name", "Old Name"));
      assertTrue(column(id, "display_name").startsWith("f1:"));
      assertEquals(
          "Old Name",
          inTx(
              () -> {
                filter.bind(acme);
                return users.find(id).orElseThrow().displayName();
              }));

      inTx(
          () -> {
            filter.bind(acme);
            users.find(id).orElseThrow().endSessions();
            return null;
          });

      String rewritten = column(id, "display_name");
      assertTrue(rewritten.startsWith("f2:"), rewritten);
      assertEquals(
          "Old Name",
          cipher.decrypt(
              acme, new FieldCipher.Row("app_user", id), "user.display_name", rewritten));
      assertTrue(column(id, "email").startsWith("f2:"));
    } finally {
      deleteUsers(id);
    }
  }

  private String newUser(String tenant, String name) throws Exception {
    String email = "row-" + UUID.randomUUID() + "@acme.example";
    return inTx(
        () -> {
          filter.bind(tenant);
          return users.create(email, name, EnumSet.of(Role.EMPLOYEE), null).id();
        });
  }

  private static String column(String userId, String column) throws Exception {
    DataSource db = InitialContext.doLookup("java:app/jdbc/kursfilm");
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT " + column + " FROM app_user WHERE id = ?")) {
      s.setString(1, userId);
      try (ResultSet row = s.executeQuery()) {
        assertTrue(row.next());
        return row.getString(1);
      }
    }
  }

  private static void setColumn(String userId, String column, String value) throws Exception {
    DataSource db = InitialContext.doLookup("java:app/jdbc/kursfilm");
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("UPDATE app_user SET " + column + " = ? WHERE id = ?")) {
      s.setString(1, value);
      s.setString(2, userId);
      assertEquals(1, s.executeUpdate());
    }
  }

  /** Removes test users with SQL: a row whose values no longer open cannot be loaded to remove. */
  private static void deleteUsers(String... ids) throws Exception {
    DataSource db = InitialContext.doLookup("java:app/jdbc/kursfilm");
    try (Connection c = db.getConnection()) {
      for (String id : ids) {
        for (String sql :
            List.of(
                "DELETE FROM user_role WHERE user_id = ?", "DELETE FROM app_user WHERE id = ?")) {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            s.executeUpdate();
          }
        }
      }
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void a_shredded_tenant_leaves_no_personal_data_in_the_database_files() throws Exception {
    String canary = "canary" + UUID.randomUUID().toString().replace("-", "");
    FirstUsers.NewUser admin =
        new FirstUsers.NewUser(
            canary + "@leaving.example",
            "Name " + canary,
            EnumSet.of(Role.TENANT_ADMIN),
            "a-long-password".toCharArray());
    TenantView tenant =
        provisioning.provision(
            "shred-" + canary.substring(6, 14),
            "Leaving AG " + canary,
            id -> firstUsers.create(id, List.of(admin)));

    offboarding.freeze(tenant.id());
    ShredCertificate certificate = offboarding.shred(tenant.id()).certificate();

    assertEquals(tenant.id(), certificate.tenantId());
    assertEquals(1, certificate.keyIdsDestroyed().size());
    // The tenant row itself is gone (its tombstone stays), so the slug is free again.
    assertTrue(inTx(() -> tenants.find(tenant.id()).isEmpty()));
    assertEquals(
        0L,
        inTx(
            () -> {
              filter.bind(tenant.id());
              return (long) users.all().size();
            }));
    DataSource db = InitialContext.doLookup("java:app/jdbc/kursfilm");
    String dataDir;
    try (Connection c = db.getConnection();
        ResultSet row = c.createStatement().executeQuery("SELECT @@datadir")) {
      row.next();
      dataDir = row.getString(1);
    }
    // Positive control: the tenant id is stored in clear and committed, so the scan must find it
    // (InnoDB writes the redo log at commit); the personal values, the tenant's name (carrying the
    // canary) and its slug (sealed since V17, found by an index) must not be anywhere.
    assertFalse(filesContaining(Path.of(dataDir), tenant.id()).isEmpty(), "scan finds clear data");
    assertTrue(filesContaining(Path.of(dataDir), canary).isEmpty(), "canary in MariaDB files");
    assertTrue(filesContaining(Path.of(dataDir), tenant.slug()).isEmpty(), "slug in MariaDB files");
    assertTrue(
        inTx(() -> directory.find(tenant.id()).isEmpty()), "the directory no longer lists it");
  }

  private static List<Path> filesContaining(Path root, String needle) throws Exception {
    byte[] pattern = needle.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    List<Path> hits = new ArrayList<>();
    try (var files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).filter(Files::isReadable).toList()) {
        byte[] content;
        try {
          content = Files.readAllBytes(file);
        } catch (java.io.IOException | OutOfMemoryError unreadable) {
          continue;
        }
        if (contains(content, pattern)) {
          hits.add(file);
        }
      }
    }
    return hits;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Test
  void the_app_seals_and_opens_a_tenants_object_with_container_threads() throws Exception {
    String acme = tenantId("acme");
    byte[] plaintext = new byte[3 * 1024 * 1024 + 11];
    new java.util.Random(5).nextBytes(plaintext);

    SealedObject receipt =
        sealedObjects.seal(acme, "it-object", new java.io.ByteArrayInputStream(plaintext));
    byte[] whole;
    try (var in = sealedObjects.open(acme, "it-object")) {
      whole = in.readAllBytes();
    }
    byte[] range;
    try (var in = sealedObjects.openRange(receipt, 1_500_000, 100_000)) {
      range = in.readAllBytes();
    }

    assertTrue(java.util.Arrays.equals(plaintext, whole));
    assertTrue(
        java.util.Arrays.equals(
            java.util.Arrays.copyOfRange(plaintext, 1_500_000, 1_600_000), range));
    String demo = tenantId("demo");
    assertThrows(RuntimeException.class, () -> sealedObjects.open(demo, "it-object").read());
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
