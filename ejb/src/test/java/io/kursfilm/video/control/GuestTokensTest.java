package io.kursfilm.video.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GuestTokensTest {

  @Test
  void a_token_holds_256_random_bits_and_is_kept_as_its_sha256() {
    String token = GuestTokens.newToken();
    assertEquals(32, Base64.getUrlDecoder().decode(token).length);
    assertTrue(GuestTokens.wellFormed(token));
    assertNotEquals(token, GuestTokens.newToken());
    assertEquals(64, GuestTokens.hash(token).length());
    assertFalse(GuestTokens.hash(token).contains(token));
    assertFalse(GuestTokens.wellFormed(token + "x"));
    assertFalse(GuestTokens.wellFormed(null));
  }

  @Test
  void only_a_well_formed_grant_is_taken_apart() {
    String link = UUID.randomUUID().toString();
    String mac = "ab".repeat(32);
    GuestGrants.Grant grant = GuestGrants.parse(link + ".1796598153." + mac).orElseThrow();
    assertEquals(link, grant.linkId());
    assertEquals(1796598153L, grant.expiresEpochSecond());
    assertTrue(GuestGrants.parse(link + ".1796598153." + mac + "/../x").isEmpty());
    assertTrue(GuestGrants.parse(link + ".-1." + mac).isEmpty());
    assertTrue(GuestGrants.parse(null).isEmpty());
  }
}
