package io.kursfilm.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

  @Test
  void forwarded_for_is_ignored_unless_trusted() {
    assertEquals("10.0.0.1", ClientAddress.of("10.0.0.1", "203.0.113.9", false));
  }

  @Test
  void when_trusted_the_address_the_proxy_appended_counts_not_what_the_client_claimed() {
    assertEquals("198.51.100.7", ClientAddress.of("10.0.0.1", "1.2.3.4, 198.51.100.7", true));
    assertEquals("203.0.113.9", ClientAddress.of("10.0.0.1", "203.0.113.9", true));
  }

  @Test
  void without_a_usable_header_the_peer_counts() {
    assertEquals("10.0.0.1", ClientAddress.of("10.0.0.1", null, true));
    assertEquals("10.0.0.1", ClientAddress.of("10.0.0.1", " ", true));
    assertEquals("10.0.0.1", ClientAddress.of("10.0.0.1", "a,", true));
  }
}
