package io.kursfilm.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {

  @Test
  void reads_seconds_minutes_and_hours() {
    assertEquals(90, Times.seconds("90"));
    assertEquals(2, Times.seconds("0:02"));
    assertEquals(90, Times.seconds(" 1:30 "));
    assertEquals(3723, Times.seconds("1:02:03"));
    assertEquals(0, Times.seconds("0"));
  }

  @Test
  void blank_is_no_time() {
    assertNull(Times.seconds(null));
    assertNull(Times.seconds("  "));
  }

  @Test
  void reads_what_it_writes() {
    for (int s : new int[] {0, 2, 59, 60, 599, 3599, 3600, 7322}) {
      assertEquals(s, Times.seconds(Times.clock(s)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1:60", "1:5", "-3", "1.5", "a:10", "1::10", "1:00:00:00", ":30", "1:"})
  void refuses_what_is_not_a_time(String text) {
    assertThrows(IllegalArgumentException.class, () -> Times.seconds(text));
  }
}
