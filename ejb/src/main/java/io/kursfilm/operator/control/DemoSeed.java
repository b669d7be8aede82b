package io.kursfilm.operator.control;

import io.kursfilm.identity.boundary.FirstUsers;
import io.kursfilm.identity.boundary.FirstUsers.NewUser;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantSlugs;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantProvisioning;
import io.kursfilm.tenant.boundary.TenantView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the demo tenants of docs/api.md at start-up when {@code kursfilm.demo.seed} is on.
 * Idempotent: tenants that exist are left as they are.
 */
@Singleton
@Startup
// After the audit schedule: on a first start the audit signing key must exist before the first
// tenant key, or the key store looks in use with its signing key lost (readiness DOWN).
@DependsOn({"DatabaseMigration", "CheckpointSchedule"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoSeed {

  private static final Logger LOG = Logger.getLogger(DemoSeed.class.getName());

  @Inject
  @ConfigProperty(name = "kursfilm.demo.seed")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "kursfilm.demo.password")
  Optional<String> password;

  @Inject TenantDirectory directory;
  @Inject TenantProvisioning provisioning;
  @Inject FirstUsers firstUsers;

  @PostConstruct
  void seed() {
    if (!enabled) {
      return;
    }
    char[] pw =
        password
            .filter(p -> p.length() >= 12)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "kursfilm.demo.password (12+ characters) is required for the demo seed"))
            .toCharArray();
    ensure(
        TenantSlugs.PLATFORM,
        "Kursfilm platform",
        List.of(
            new NewUser("root@kursfilm.example", "Platform operator", EnumSet.of(Role.ROOT), pw)));
    ensure("demo", "Demo AG", staff("demo", pw));
    ensure("acme", "ACME GmbH", staff("acme", pw));
  }

  private void ensure(String slug, String name, List<NewUser> users) {
    if (directory.findBySlug(slug).isPresent()) {
      return;
    }
    TenantView tenant = provisioning.provision(slug, name, id -> firstUsers.create(id, users));
    firstUsers.verifyAllAddresses(tenant.id());
    LOG.info(() -> "demo tenant " + slug + " created with " + users.size() + " users");
  }

  static List<NewUser> staff(String slug, char[] pw) {
    String domain = "@" + slug + ".example";
    List<NewUser> users = new ArrayList<>();
    users.add(new NewUser("admin" + domain, "Admin", EnumSet.of(Role.TENANT_ADMIN), pw));
    users.add(new NewUser("trainer" + domain, "Trainer", EnumSet.of(Role.TRAINER), pw));
    users.add(new NewUser("critic" + domain, "Critic", EnumSet.of(Role.CRITIC), pw));
    for (int i = 1; i <= 5; i++) {
      users.add(
          new NewUser("employee" + i + domain, "Employee " + i, EnumSet.of(Role.EMPLOYEE), pw));
    }
    return users;
  }
}
