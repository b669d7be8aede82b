package io.kursfilm.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Role;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class StartPagesTest {

  private static AuthenticatedCaller with(Role first, Role... rest) {
    return new AuthenticatedCaller("t", "demo", "u", EnumSet.of(first, rest));
  }

  @Test
  void each_role_has_its_own_start_page() {
    assertEquals("/root/index.xhtml", StartPages.of(with(Role.ROOT)));
    assertEquals("/admin/index.xhtml", StartPages.of(with(Role.TENANT_ADMIN)));
    assertEquals("/trainer/index.xhtml", StartPages.of(with(Role.TRAINER)));
    assertEquals("/critic/index.xhtml", StartPages.of(with(Role.CRITIC)));
    assertEquals("/portal/index.xhtml", StartPages.of(with(Role.EMPLOYEE)));
  }

  @Test
  void several_roles_start_at_the_most_powerful() {
    assertEquals("/trainer/index.xhtml", StartPages.of(with(Role.EMPLOYEE, Role.TRAINER)));
  }
}
