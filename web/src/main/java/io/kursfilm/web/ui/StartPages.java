package io.kursfilm.web.ui;

import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Role;
import java.util.List;
import java.util.Map;

/** Which page a role starts on; a person with several roles starts at the most powerful. */
public final class StartPages {

  private static final List<Role> PRECEDENCE =
      List.of(Role.ROOT, Role.TENANT_ADMIN, Role.TRAINER, Role.CRITIC, Role.EMPLOYEE);

  private static final Map<Role, String> PAGES =
      Map.of(
          Role.ROOT, "/root/index.xhtml",
          Role.TENANT_ADMIN, "/admin/index.xhtml",
          Role.TRAINER, "/trainer/index.xhtml",
          Role.CRITIC, "/critic/index.xhtml",
          Role.EMPLOYEE, "/portal/index.xhtml");

  private StartPages() {}

  public static String of(AuthenticatedCaller caller) {
    return PRECEDENCE.stream()
        .filter(caller::has)
        .findFirst()
        .map(PAGES::get)
        .orElse("/login.xhtml");
  }
}
