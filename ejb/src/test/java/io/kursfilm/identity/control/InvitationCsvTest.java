package io.kursfilm.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.kernel.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvitationCsvTest {

  @Test
  void parses_lines_with_header_quotes_and_several_roles() {
    List<InvitationCsv.Line> lines =
        InvitationCsv.parse(
            "email,displayName,roles\r\n"
                + "anna@firma.de,Anna,EMPLOYEE\r\n"
                + "\"ben@firma.de\",\"Ben B\",trainer;critic\r\n\r\n");
    assertEquals(2, lines.size());
    assertEquals(2, lines.get(0).number());
    assertEquals(Set.of(Role.EMPLOYEE), lines.get(0).roles());
    assertEquals("Ben B", lines.get(1).displayName());
    assertEquals(Set.of(Role.TRAINER, Role.CRITIC), lines.get(1).roles());
    assertTrue(lines.get(1).ok());
  }

  @Test
  void bad_lines_carry_their_number_and_reason() {
    List<InvitationCsv.Line> lines =
        InvitationCsv.parse("a@b.de,A,EMPLOYEE\nc@d.de,C,JANITOR\ne@f.de,E\n");
    assertTrue(lines.get(0).ok());
    assertEquals("unknown role 'JANITOR'", lines.get(1).error());
    assertEquals(2, lines.get(1).number());
    assertTrue(lines.get(2).error().contains("3 columns"));
  }

  @Test
  void a_quoted_comma_or_quote_in_a_display_name_stays_in_its_field() {
    List<InvitationCsv.Line> lines =
        InvitationCsv.parse(
            "\"ben@firma.de\",\"Berg, Ben\",EMPLOYEE\n"
                + "cara@firma.de, \"Cara \"\"CJ\"\" Jung\" ,\"trainer;critic\"\n");
    assertTrue(lines.get(0).ok(), lines.get(0).error());
    assertEquals("ben@firma.de", lines.get(0).email());
    assertEquals("Berg, Ben", lines.get(0).displayName());
    assertEquals(Set.of(Role.EMPLOYEE), lines.get(0).roles());
    assertTrue(lines.get(1).ok(), lines.get(1).error());
    assertEquals("Cara \"CJ\" Jung", lines.get(1).displayName());
    assertEquals(Set.of(Role.TRAINER, Role.CRITIC), lines.get(1).roles());
  }

  @Test
  void broken_quoting_is_a_bad_line_with_its_number_not_the_end_of_the_upload() {
    List<InvitationCsv.Line> lines =
        InvitationCsv.parse(
            "a@b.de,\"Anna\" B,EMPLOYEE\nc@d.de,\"Cara,EMPLOYEE\ne@f.de,E,EMPLOYEE\n");
    assertEquals(1, lines.get(0).number());
    assertTrue(lines.get(0).error().contains("quoting"), lines.get(0).error());
    assertEquals(2, lines.get(1).number());
    assertTrue(lines.get(1).error().contains("quoting"), lines.get(1).error());
    assertTrue(lines.get(2).ok());
    assertEquals(3, lines.get(2).number());
  }

  @Test
  void empty_upload_is_refused() {
    assertThrows(IllegalArgumentException.class, () -> InvitationCsv.parse(" \n"));
  }
}
