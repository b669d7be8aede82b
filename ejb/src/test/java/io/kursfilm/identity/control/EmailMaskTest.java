package io.kursfilm.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EmailMaskTest {

  @Test
  void shows_first_and_last_letter_and_the_top_level_domain() {
    assertEquals("a***t@f***.de", EmailMask.of("anna.schmidt@firma.de"));
    assertEquals("a***@d***.example", EmailMask.of("ab@demo.example"));
    assertEquals("***", EmailMask.of("not-an-address"));
  }
}
