package io.kursfilm.learning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueIndexTest {

  @Test
  void query_words_are_lower_case_without_accents_or_punctuation() {
    assertEquals(List.of("brandschutz", "ubung"), CatalogueIndex.words("  Brandschutz, Übung! "));
    assertEquals(List.of(), CatalogueIndex.words(" "));
    assertEquals(List.of(), CatalogueIndex.words(null));
  }
}
