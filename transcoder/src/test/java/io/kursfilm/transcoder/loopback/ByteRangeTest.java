package io.kursfilm.transcoder.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

  @Test
  void no_header_asks_for_the_whole_resource() throws Exception {
    assertTrue(ByteRange.parse(null, 100).isEmpty());
  }

  @Test
  void first_and_last_byte_are_inclusive() throws Exception {
    assertEquals(range(0, 0), ByteRange.parse("bytes=0-0", 100));
    assertEquals(range(10, 19), ByteRange.parse("bytes=10-19", 100));
    assertEquals(10, ByteRange.parse("bytes=10-19", 100).orElseThrow().length());
    assertEquals(range(99, 99), ByteRange.parse("bytes=99-99", 100));
  }

  @Test
  void a_last_byte_beyond_the_end_is_cut_at_the_end() throws Exception {
    assertEquals(range(90, 99), ByteRange.parse("bytes=90-500", 100));
    assertEquals(range(0, 99), ByteRange.parse("bytes=0-999999999999999999", 100)); // 18 digits
  }

  @Test
  void an_open_range_runs_to_the_end() throws Exception {
    assertEquals(range(0, 99), ByteRange.parse("bytes=0-", 100));
    assertEquals(range(42, 99), ByteRange.parse("bytes=42-", 100));
  }

  @Test
  void a_suffix_range_counts_from_the_end() throws Exception {
    assertEquals(range(90, 99), ByteRange.parse("bytes=-10", 100));
    assertEquals(range(0, 99), ByteRange.parse("bytes=-100", 100));
    assertEquals(range(0, 99), ByteRange.parse("bytes=-5000", 100));
  }

  @Test
  void unit_is_case_insensitive_and_surrounding_space_is_ignored() throws Exception {
    assertEquals(range(1, 2), ByteRange.parse(" Bytes = 1-2 ", 100));
  }

  @Test
  void a_range_starting_at_or_beyond_the_end_is_not_satisfiable() {
    assertNotSatisfiable("bytes=100-", 100);
    assertNotSatisfiable("bytes=100-200", 100);
    assertNotSatisfiable("bytes=0-", 0);
    assertNotSatisfiable("bytes=-1", 0);
  }

  @Test
  void an_empty_suffix_is_not_satisfiable() {
    assertNotSatisfiable("bytes=-0", 100);
  }

  @Test
  void several_ranges_are_refused() {
    assertNotSatisfiable("bytes=0-1,5-6", 100);
    assertNotSatisfiable("bytes=0-1, 5-6", 100);
  }

  @Test
  void malformed_headers_are_refused() {
    for (String header :
        new String[] {
          "bytes=",
          "bytes=-",
          "bytes=5-3",
          "bytes=a-b",
          "bytes=1-2-3",
          "bytes=+1-2",
          "bytes 0-1",
          "items=0-1",
          "bytes=0-9999999999999999999", // 19 digits: would overflow a long
          "bytes=--1",
          ""
        }) {
      assertNotSatisfiable(header, 100);
    }
  }

  @Test
  void content_range_names_first_last_and_size() {
    assertEquals("bytes 10-19/100", new ByteRange(10, 19).contentRange(100));
  }

  private static Optional<ByteRange> range(long first, long last) {
    return Optional.of(new ByteRange(first, last));
  }

  private static void assertNotSatisfiable(String header, long size) {
    assertThrows(
        ByteRange.NotSatisfiableException.class, () -> ByteRange.parse(header, size), header);
  }
}
