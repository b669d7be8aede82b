package io.kursfilm.transcoder;

import io.kursfilm.storage.testing.PlainJavaRules;
import org.junit.jupiter.api.Test;

/** The transcoder module stays plain Java below every component (see {@link PlainJavaRules}). */
class TranscoderArchitectureTest {

  private static final PlainJavaRules RULES = new PlainJavaRules("io.kursfilm.transcoder");

  @Test
  void imports_no_jakarta_ee() {
    RULES.checkNoJakartaEe();
  }

  @Test
  void imports_no_component_nor_web() {
    RULES.checkNoComponentNorWeb();
  }
}
