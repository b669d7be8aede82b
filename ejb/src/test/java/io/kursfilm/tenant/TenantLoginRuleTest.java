package io.kursfilm.tenant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.kernel.Role;
import io.kursfilm.tenant.boundary.TenantView;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one login rule by tenant state ({@link TenantView#admits}). */
class TenantLoginRuleTest {

  private static TenantView in(String state) {
    return new TenantView("t1", "acme", "Acme", state);
  }

  @Test
  void an_active_tenant_admits_everybody() {
    for (Role role : EnumSet.of(Role.TENANT_ADMIN, Role.TRAINER, Role.CRITIC, Role.EMPLOYEE)) {
      assertTrue(in("ACTIVE").admits(Set.of(role)), role.name());
    }
    assertTrue(in("ACTIVE").admitsLogins());
  }

  @Test
  void an_offboarding_tenant_admits_only_its_tenant_admins() {
    TenantView frozen = in("OFFBOARDING");
    assertTrue(frozen.admitsLogins());
    assertTrue(frozen.admits(Set.of(Role.TENANT_ADMIN)));
    assertTrue(frozen.admits(Set.of(Role.TENANT_ADMIN, Role.TRAINER)));
    for (Role role : EnumSet.of(Role.TRAINER, Role.CRITIC, Role.EMPLOYEE)) {
      assertFalse(frozen.admits(Set.of(role)), role.name());
    }
    assertFalse(frozen.admits(Set.of(Role.TRAINER, Role.CRITIC, Role.EMPLOYEE)));
  }

  @Test
  void a_shredded_tenant_admits_nobody() {
    TenantView gone = in("SHREDDED");
    assertFalse(gone.admitsLogins());
    assertFalse(gone.admits(Set.of(Role.TENANT_ADMIN)));
  }
}
