package io.kursfilm.quiz.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kursfilm.kernel.PersonalData;
import io.kursfilm.storage.field.FieldCipher;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptOutcomeTest {

  @Test
  void every_outcome_has_the_same_length_so_the_ciphertext_tells_nothing() {
    List<AttemptOutcome> outcomes =
        List.of(
            new AttemptOutcome(0, false),
            new AttemptOutcome(7, false),
            new AttemptOutcome(85, true),
            new AttemptOutcome(100, true));
    for (AttemptOutcome o : outcomes) {
      assertEquals(5, o.text().length(), o.text());
      assertEquals(o, AttemptOutcome.parse(o.text()));
    }
    assertEquals("007 F", new AttemptOutcome(7, false).text());
    assertEquals("100 P", new AttemptOutcome(100, true).text());
  }

  @Test
  void a_score_is_a_percent() {
    assertThrows(IllegalArgumentException.class, () -> new AttemptOutcome(-1, false));
    assertThrows(IllegalArgumentException.class, () -> new AttemptOutcome(101, true));
  }

  @Test
  void anything_but_the_sealed_form_is_refused() {
    for (String bad :
        new String[] {
          null, "", "85 P", "085P", "085 X", "085 p", "+85 P", "-85 F", "101 P", "085 PP", "٠٨٥ P"
        }) {
      assertThrows(IllegalArgumentException.class, () -> AttemptOutcome.parse(bad), bad);
    }
  }

  @Test
  void an_outcome_is_opened_bound_to_its_row_and_its_own_field() {
    String id = "3f2b6a0e-0000-4000-8000-000000000001";
    PersonalData.Opener opener =
        (field, row, stored) -> {
          assertEquals("outcome", field);
          assertEquals(new FieldCipher.Row("quiz_attempt", id), row);
          assertEquals("f2:sealed", stored);
          return "085 P";
        };
    assertEquals(
        new AttemptOutcome(85, true), QuizAttempt.openOutcome(opener, id, "f2:sealed", 40, false));
  }

  @Test
  void a_row_of_before_the_sealing_reads_as_it_is_and_an_open_attempt_has_no_outcome() {
    PersonalData.Opener none =
        (field, row, stored) -> {
          throw new AssertionError("nothing to open");
        };
    assertEquals(
        new AttemptOutcome(40, false), QuizAttempt.openOutcome(none, "a", null, 40, false));
    assertEquals(new AttemptOutcome(90, true), QuizAttempt.openOutcome(none, "a", null, 90, true));
    assertNull(QuizAttempt.openOutcome(none, "a", null, null, null));
  }
}
