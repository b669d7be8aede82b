package io.kursfilm.quiz.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuizCodecTest {

  @Test
  void answers_are_read_as_one_list_of_option_indices_per_question() {
    assertEquals(
        List.of(List.of(1), List.of(), List.of(2, 0, 3)), QuizCodec.answers("[[1],[],[2,0,3]]"));
    assertEquals(List.of(), QuizCodec.answers(" [ ] "));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "[", "[[1]", "[1]", "[[\"1\"]]", "[[1.5]]", "[[1]] []", "{}", "[[null]]"})
  void stored_answers_of_another_shape_are_refused(String json) {
    assertThrows(IllegalStateException.class, () -> QuizCodec.answers(json));
  }
}
