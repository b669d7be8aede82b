package io.kursfilm.web.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import java.net.URL;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The anonymous side of certificates on the real stack: verification answers valid or not and
 * nothing else, the public page says the same, and the lists and PDFs need an account.
 */
@ExtendWith(SharedApp.class)
class CertificateVerifyIT {

  final URL base = SharedApp.base();

  @Test
  void an_unknown_id_is_invalid_and_the_answer_carries_nothing_else() throws Exception {
    RestClient api = new RestClient(base);
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String unknown = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    for (String id : new String[] {unknown, "short", "x".repeat(200)}) {
      RestClient.Reply reply = api.get("api/v1/certificates/" + id + "/verify", null);
      assertEquals(200, reply.status(), reply.body());
      assertEquals("{\"valid\":false}", reply.body());
    }
  }

  @Test
  void the_public_page_verifies_without_a_login() throws Exception {
    RestClient api = new RestClient(base);
    RestClient.Reply page =
        api.get("verify.xhtml?id=nothing-like-an-id", null, "Accept-Language", "en");
    assertEquals(200, page.status());
    assertTrue(page.body().contains("verifyResult"), page.body());
    assertTrue(page.body().contains("kf-invalid"), page.body());
    assertFalse(page.body().contains("kf-valid\""), page.body());
  }

  @Test
  void lists_and_pdfs_need_an_account_and_another_persons_id_looks_missing() throws Exception {
    RestClient api = new RestClient(base);
    assertEquals(401, api.get("api/v1/certificates", null).status());
    assertEquals(401, api.download("api/v1/certificates/abc.pdf", null).status());
    DemoTenants demo = new DemoTenants(base);
    String employee = demo.login("employee3");
    RestClient.Reply mine = api.get("api/v1/certificates", employee);
    assertEquals(200, mine.status(), mine.body());
    assertEquals(
        404, api.download("api/v1/certificates/" + "A".repeat(43) + ".pdf", employee).status());
    assertEquals(403, api.get("api/v1/certificates", demo.login("trainer")).status());
  }
}
