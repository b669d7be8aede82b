package io.kursfilm.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvWriterTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1",
        "\r=1"
      })
  void cells_that_would_start_a_formula_get_a_leading_apostrophe(String value) {
    assertEquals("'" + value, CsvWriter.neutralise(value));
    assertEquals("\"'" + value.replace("\"", "\"\"") + "\"", CsvWriter.cell(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"alice@demo.example", "Bob Müller", "1+1", " =1", "'quoted"})
  void other_cells_stay_as_they_are(String value) {
    assertEquals(value, CsvWriter.neutralise(value));
  }

  @Test
  void quotes_commas_and_line_breaks_cannot_shift_columns() {
    assertEquals(
        "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"\",\"3\"\r\n",
        CsvWriter.row(Arrays.asList("a,b", "say \"hi\"", "two\nlines", null, 3)));
  }

  @Test
  void an_empty_row_is_one_empty_cell() {
    assertEquals("\"\"\r\n", CsvWriter.row(List.of("")));
  }
}
