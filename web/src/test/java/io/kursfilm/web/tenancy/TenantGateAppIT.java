package io.kursfilm.web.tenancy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.identity.boundary.FirstUsers;
import io.kursfilm.kernel.Role;
import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.storage.keys.TenantClosedException;
import io.kursfilm.storage.sealed.SealedObjectException;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.tenant.boundary.TenantProvisioning;
import io.kursfilm.tenant.boundary.TenantView;
import io.kursfilm.tenant.control.TenantRegistry;
import io.kursfilm.web.ItEnvironment;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application's tenant gate, inside the container: a tenant is provisioned through it (its
 * index key is sealed while its row is not yet committed), and once its row says SHREDDED (written
 * straight to the database, as another node's shred would) the app neither seals, opens nor indexes
 * anything of it within the state TTL, while another tenant carries on.
 */
@Tag("in-container")
@ExtendWith(ArquillianExtension.class)
class TenantGateAppIT {

  /** {@code kursfilm.tenant.state-cache-ttl} (PT5S) plus time for a poll and a slow machine. */
  static final Duration WITHIN = Duration.ofSeconds(8);

  static final byte[] BYTES = "lesson one".getBytes(StandardCharsets.UTF_8);

  @Deployment
  static WebArchive app() {
    return ItEnvironment.war().addClass(TenantGateAppIT.class);
  }

  @Inject TenantProvisioning provisioning;
  @Inject FirstUsers firstUsers;
  @Inject TenantRegistry tenants;
  @Inject SealedObjects sealed;
  @Inject FieldCipher cipher;

  @Resource UserTransaction tx;

  @Test
  void a_tenant_shredded_in_the_database_stops_sealing_opening_and_indexing_within_seconds()
      throws Exception {
    TenantView leaving = provision("gate-" + UUID.randomUUID().toString().substring(0, 8));
    String acme = idOf("acme");
    byte[] indexKey = indexKeyOf(leaving.id());
    sealed.seal(leaving.id(), "gate-before", new ByteArrayInputStream(BYTES));
    String index = cipher.blindIndex(leaving.id(), indexKey, "email", "anna@example.com");

    setState(leaving.id(), "SHREDDED");
    long since = System.nanoTime();
    SealedObjectException refused = null;
    while (refused == null) {
      try {
        sealed.seal(leaving.id(), "gate-after", new ByteArrayInputStream(BYTES));
        assertTrue(System.nanoTime() - since < WITHIN.toNanos(), "still sealing after " + WITHIN);
        Thread.sleep(200);
      } catch (SealedObjectException e) {
        refused = e;
      }
    }

    assertInstanceOf(TenantClosedException.class, refused.getCause());
    assertThrows(SealedObjectException.class, () -> read(leaving.id(), "gate-before"));
    assertThrows(
        TenantClosedException.class,
        () -> cipher.blindIndex(leaving.id(), indexKey, "email", "anna@example.com"));
    sealed.seal(acme, "gate-other", new ByteArrayInputStream(BYTES));
    assertArrayEquals(BYTES, read(acme, "gate-other"), "another tenant is untouched");
    assertEquals(64, index.length());
  }

  private TenantView provision(String slug) {
    FirstUsers.NewUser admin =
        new FirstUsers.NewUser(
            slug + "@leaving.example",
            "Leaving Admin",
            EnumSet.of(Role.TENANT_ADMIN),
            "a-long-password".toCharArray());
    return provisioning.provision(slug, "Leaving AG", id -> firstUsers.create(id, List.of(admin)));
  }

  private byte[] read(String tenantId, String objectId) throws Exception {
    try (InputStream in = sealed.open(tenantId, objectId)) {
      return in.readAllBytes();
    }
  }

  private String idOf(String slug) throws Exception {
    tx.begin();
    try {
      return tenants.findBySlug(slug).orElseThrow().id();
    } finally {
      tx.commit();
    }
  }

  private byte[] indexKeyOf(String tenantId) throws Exception {
    tx.begin();
    try {
      return tenants.find(tenantId).orElseThrow().indexKey();
    } finally {
      tx.commit();
    }
  }

  private static void setState(String tenantId, String state) throws Exception {
    DataSource db = InitialContext.doLookup("java:app/jdbc/kursfilm");
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("UPDATE tenant SET state = ? WHERE id = ?")) {
      s.setString(1, state);
      s.setString(2, tenantId);
      assertEquals(1, s.executeUpdate());
    }
  }
}
