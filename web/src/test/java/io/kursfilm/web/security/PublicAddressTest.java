package io.kursfilm.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PublicAddressTest {

  private final PublicAddress root = new PublicAddress("https://kurs.example/");
  private final PublicAddress below = new PublicAddress("http://localhost:8080/kursfilm");

  @Test
  void pages_are_absolute_on_the_public_address() {
    assertEquals("https://kurs.example/login.xhtml", root.of("/login.xhtml"));
    assertEquals("http://localhost:8080/kursfilm/login.xhtml", below.of("login.xhtml"));
  }

  @Test
  void a_redirect_below_the_context_path_moves_to_the_public_address() {
    assertEquals(
        "https://kurs.example/admin/index.xhtml",
        root.redirect("/app/admin/index.xhtml", "/app", "/app/login.xhtml"));
    assertEquals(
        "http://localhost:8080/kursfilm/login.xhtml?sso=failed",
        below.redirect("/kursfilm/login.xhtml?sso=failed", "/kursfilm", "/kursfilm/sso/start"));
    assertEquals("https://kurs.example/", root.redirect("/", "", "/x"));
  }

  @Test
  void a_relative_redirect_is_resolved_against_the_request() {
    assertEquals(
        "https://kurs.example/admin/users.xhtml",
        root.redirect("users.xhtml", "", "/admin/index.xhtml"));
  }

  @Test
  void absolute_redirects_chosen_by_the_app_stay() {
    String provider = "https://idp.example/authorize?state=x";
    assertEquals(provider, root.redirect(provider, "", "/sso/start"));
  }

  @Test
  void https_is_recognised() {
    assertTrue(root.isHttps());
    assertFalse(below.isHttps());
  }
}
