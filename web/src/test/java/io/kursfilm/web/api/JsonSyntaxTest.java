package io.kursfilm.web.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonSyntaxTest {

  @Test
  void the_unterminated_reproducer_is_refused_at_once() {
    byte[] body = "{\"a\":".repeat(1000).getBytes(StandardCharsets.UTF_8);
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> assertThrows(InvalidBodyException.class, () -> JsonSyntax.check(body)));
  }

  @Test
  void unterminated_but_shallow_is_refused_as_not_well_formed() {
    assertThrows(InvalidBodyException.class, () -> check("{\"a\":{\"a\":{\"a\":"));
  }

  @Test
  void a_hundred_thousand_open_brackets_are_refused_by_depth() {
    assertThrows(InvalidBodyException.class, () -> check("[".repeat(100_000)));
  }

  @Test
  void nesting_up_to_the_limit_is_fine_and_one_deeper_is_not() {
    int max = JsonSyntax.MAX_DEPTH;
    assertDoesNotThrow(() -> check("[".repeat(max) + "]".repeat(max)));
    assertThrows(
        InvalidBodyException.class, () -> check("[".repeat(max + 1) + "]".repeat(max + 1)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"tenant\":\"demo\",\"email\":\"a@b.example\",\"pass",
        "{\"a\":1}{\"b\":2}",
        "{\"a\":1} x",
        "{'a':1}",
        "{\"a\":NaN}",
        "{\"a\":01}",
        "{\"a\":1,}",
        "{\"a\":\"tab\there\"}",
        "// comment\n{}",
        "  "
      })
  void malformed_bodies_are_refused(String body) {
    assertThrows(InvalidBodyException.class, () -> check(body));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"tenant\":\"demo\",\"email\":\"a@b.example\",\"password\":\"x\"}",
        "[]",
        "\"x\"",
        "42",
        "{\"size\":1e308}",
        " {\"roles\":[\"TRAINER\",\"CRITIC\"]} \n"
      })
  void well_formed_values_pass_whatever_their_shape(String body) {
    // Whether they fit the endpoint is JSON-B's question.
    assertDoesNotThrow(() -> check(body));
  }

  private static void check(String body) {
    JsonSyntax.check(body.getBytes(StandardCharsets.UTF_8));
  }
}
