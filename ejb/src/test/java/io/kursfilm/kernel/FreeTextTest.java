package io.kursfilm.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FreeTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\u0000b",
        "\u001b[31mred",
        "two\r\nlines",
        "tab\there",
        "\u007f",
        "\u0085",
        "\u009b2J",
        "\u202Egnp.exe",
        "\u202Aembedded",
        "\u202D",
        "x\u2066y",
        "\u2069",
        "line\u2028sep",
        "lone \uD800 surrogate"
      })
  void single_line_text_refuses_controls_and_direction_overrides(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FreeText.line("title", text));
    assertTrue(e.getMessage().startsWith("title: control or direction-override character U+"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Schulung: Brandschutz 2026",
        "Ünïcödé – “quotes” €",
        "עברית\u200F with RLM",
        "العربية\u061C",
        "emoji 👩\u200D💻 with ZWJ",
        "=1+1 is plain text here"
      })
  void single_line_text_keeps_ordinary_text_of_any_script(String text) {
    assertEquals(text, FreeText.line("title", text));
  }

  @Test
  void multi_line_text_allows_line_breaks_and_tabs_only() {
    String text = "first line\r\nsecond\tline\nthird\u2028";
    assertEquals(text, FreeText.multiLine("description", text));
    assertThrows(IllegalArgumentException.class, () -> FreeText.multiLine("d", "a\u0000b"));
    assertThrows(IllegalArgumentException.class, () -> FreeText.multiLine("d", "a\u001bb"));
    assertThrows(IllegalArgumentException.class, () -> FreeText.multiLine("d", "a\u202Eb"));
  }

  @Test
  void null_stays_null() {
    assertNull(FreeText.line("title", null));
    assertNull(FreeText.multiLine("description", null));
  }

  @Test
  void the_message_names_the_first_offending_character() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FreeText.line("name", "ok\u202Ethen\u0000"));
    assertEquals("name: control or direction-override character U+202E", e.getMessage());
  }
}
