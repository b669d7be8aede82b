package io.kursfilm.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

  @Test
  void a_range_starting_at_the_largest_long_is_unsatisfiable() {
    ByteRange range = ByteRange.parse("bytes=9223372036854775807-", 1000).orElseThrow();
    assertFalse(range.satisfiable());
  }

  @Test
  void a_start_beyond_the_long_range_is_unsatisfiable_not_ignored() {
    ByteRange range = ByteRange.parse("bytes=99999999999999999999999-", 1000).orElseThrow();
    assertFalse(range.satisfiable());
  }

  @Test
  void an_end_beyond_the_long_range_is_clamped_to_the_content() {
    ByteRange range = ByteRange.parse("bytes=10-99999999999999999999999", 1000).orElseThrow();
    assertEquals(new ByteRange(10, 990), range);
  }

  @Test
  void a_huge_suffix_is_the_whole_content() {
    ByteRange range = ByteRange.parse("bytes=-99999999999999999999999", 1000).orElseThrow();
    assertEquals(new ByteRange(0, 1000), range);
  }

  @Test
  void ordinary_ranges_still_parse() {
    assertEquals(new ByteRange(0, 100), ByteRange.parse("bytes=0-99", 1000).orElseThrow());
    assertEquals(new ByteRange(900, 100), ByteRange.parse("bytes=-100", 1000).orElseThrow());
    assertTrue(ByteRange.parse("bytes=0-99,200-299", 1000).isEmpty());
    assertTrue(ByteRange.parse(null, 1000).isEmpty());
  }
}
