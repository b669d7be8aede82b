package io.kursfilm.learning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupCsvTest {

  @Test
  void a_quoted_name_may_hold_commas() {
    List<GroupCsv.Line> lines =
        GroupCsv.parse("email,name,group\nanna@x.example,\"Meier, Anna\",\"Sales, North\"\n");
    assertEquals(1, lines.size());
    GroupCsv.Line line = lines.get(0);
    assertTrue(line.ok(), line.error());
    assertEquals(2, line.number());
    assertEquals("Meier, Anna", line.name());
    assertEquals("Sales, North", line.group());
  }

  @Test
  void a_formula_prefixed_name_is_rejected_with_its_line_number() {
    List<GroupCsv.Line> lines =
        GroupCsv.parse("email,name\nok@x.example,Ok\nbad@x.example,=HYPERLINK(\"http://evil\")\n");
    assertTrue(lines.get(0).ok());
    assertFalse(lines.get(1).ok());
    assertEquals(3, lines.get(1).number());
    assertTrue(lines.get(1).error().contains("formula"), lines.get(1).error());
  }

  @Test
  void bad_lines_are_rejected_by_number_and_the_rest_kept() {
    List<GroupCsv.Line> lines =
        GroupCsv.parse(
            "email,name\nnot-an-address,X\na@x.example,A,extra\nb@x.example,\nB@x.example,dup\n");
    assertEquals(List.of(2, 3, 4, 5), lines.stream().map(GroupCsv.Line::number).toList());
    assertEquals("not an e-mail address", lines.get(0).error());
    assertTrue(lines.get(1).error().startsWith("expected 2 columns"));
    assertTrue(lines.get(2).ok());
    assertNull(lines.get(2).name());
    assertTrue(lines.get(3).error().contains("earlier line"));
  }

  @Test
  void a_file_that_does_not_parse_is_refused_as_a_whole() {
    assertThrows(
        IllegalArgumentException.class,
        () -> GroupCsv.parse("email,name\na@x.example,\"unclosed\nb@x.example,B\n"));
  }

  @Test
  void the_header_is_required() {
    assertThrows(IllegalArgumentException.class, () -> GroupCsv.parse("a@x.example,A\n"));
    assertThrows(IllegalArgumentException.class, () -> GroupCsv.parse(""));
    assertThrows(IllegalArgumentException.class, () -> GroupCsv.parse("email,name\n"));
  }

  @Test
  void a_byte_order_mark_and_windows_line_ends_are_fine() {
    List<GroupCsv.Line> lines = GroupCsv.parse("\uFEFFEmail,Name\r\na@x.example,A\r\n");
    assertTrue(lines.get(0).ok(), lines.get(0).error());
  }
}
