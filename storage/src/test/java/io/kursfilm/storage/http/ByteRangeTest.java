package io.kursfilm.storage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of the one {@code Range} parser, for playback and the loopback input alike. */
class ByteRangeTest {

  @Test
  void no_header_asks_for_the_whole_resource() throws Exception {
    assertTrue(ByteRange.parse(null, 100).isEmpty());
  }

  @ParameterizedTest(name = "{0} of {1} bytes is {2}-{3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bytes=0-0                         | 100  | 0   | 0",
        "bytes=10-19                       | 100  | 10  | 19",
        "bytes=99-99                       | 100  | 99  | 99",
        "bytes=0-99                        | 1000 | 0   | 99",
        // a last byte beyond the end is cut at the end, even one too large for a long
        "bytes=90-500                      | 100  | 90  | 99",
        "bytes=0-999999999999999999        | 100  | 0   | 99",
        "bytes=0-9999999999999999999       | 100  | 0   | 99",
        "bytes=10-99999999999999999999999  | 1000 | 10  | 999",
        // an open range runs to the end
        "bytes=0-                          | 100  | 0   | 99",
        "bytes=42-                         | 100  | 42  | 99",
        // a suffix range counts from the end; a huge one is the whole resource
        "bytes=-10                         | 100  | 90  | 99",
        "bytes=-100                        | 1000 | 900 | 999",
        "bytes=-5000                       | 100  | 0   | 99",
        "bytes=-99999999999999999999999    | 1000 | 0   | 999",
        // the unit is case-insensitive and surrounding space is ignored
        "' Bytes = 1-2 '                   | 100  | 1   | 2",
      })
  void a_satisfiable_range_is_served(String header, long size, long first, long last)
      throws Exception {
    ByteRange range = ByteRange.parse(header, size).orElseThrow();
    assertEquals(new ByteRange(first, last), range);
    assertEquals(last - first + 1, range.length());
  }

  @ParameterizedTest(name = "{0} of {1} bytes is 416")
  @CsvSource(
      delimiter = '|',
      value = {
        // starting at or beyond the end, even beyond what a long holds
        "bytes=100-                        | 100",
        "bytes=100-200                     | 100",
        "bytes=0-                          | 0",
        "bytes=-1                          | 0",
        "bytes=9223372036854775807-        | 1000",
        "bytes=99999999999999999999999-    | 1000",
        // an empty suffix
        "bytes=-0                          | 100",
        // several ranges: refused rather than answered with the whole resource
        "'bytes=0-1,5-6'                   | 100",
        "'bytes=0-1, 5-6'                  | 100",
        "'bytes=0-99,200-299'              | 1000",
        // malformed
        "bytes=                            | 100",
        "bytes=-                           | 100",
        "bytes=5-3                         | 100",
        "bytes=a-b                         | 100",
        "bytes=1-2-3                       | 100",
        "bytes=+1-2                        | 100",
        "bytes 0-1                         | 100",
        "items=0-1                         | 100",
        "bytes=--1                         | 100",
        "''                                | 100",
      })
  void an_unusable_range_is_not_satisfiable(String header, long size) {
    assertThrows(
        ByteRange.NotSatisfiableException.class, () -> ByteRange.parse(header, size), header);
  }

  @Test
  void content_range_names_first_last_and_size() {
    assertEquals("bytes 10-19/100", new ByteRange(10, 19).contentRange(100));
    assertEquals("bytes */100", ByteRange.unsatisfiedContentRange(100));
  }
}
