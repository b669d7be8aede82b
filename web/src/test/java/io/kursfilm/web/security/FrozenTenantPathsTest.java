package io.kursfilm.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrozenTenantPathsTest {

  @Test
  void an_offboarding_tenants_admins_reach_the_offboarding_their_session_and_static_files() {
    for (String path :
        List.of(
            "/api/v1/offboarding",
            "/api/v1/offboarding/0b6d/export/abc",
            "/api/v1/me",
            "/api/v1/sessions/current",
            "/api/v1/sessions/logout-all",
            "/admin/offboarding.xhtml",
            "/forbidden.xhtml",
            "/login.xhtml",
            "/jakarta.faces.resource/theme.css")) {
      assertTrue(FrozenTenantPaths.allows(path), path);
    }
  }

  @Test
  void nothing_else_of_the_frozen_tenant() {
    for (String path :
        List.of(
            "/api/v1/videos",
            "/api/v1/me/data",
            "/api/v1/users",
            "/api/v1/sessions",
            "/api/v1/offboardingx",
            "/api/v1/tenant/settings",
            "/admin/index.xhtml",
            "/trainer/index.xhtml",
            "/watch.xhtml")) {
      assertFalse(FrozenTenantPaths.allows(path), path);
    }
  }
}
