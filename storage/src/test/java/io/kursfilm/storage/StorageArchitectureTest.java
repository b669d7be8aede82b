package io.kursfilm.storage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The storage module stays plain Java below every component: it imports no Jakarta EE and nothing
 * of the ejb components or the web module, so it runs outside the container (worker, tests).
 */
class StorageArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.kursfilm.storage");

  @Test
  void imports_no_jakarta_ee() {
    noClasses().should().dependOnClassesThat().resideInAPackage("jakarta..").check(CLASSES);
  }

  @Test
  void imports_no_component_nor_web() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.kursfilm.tenant..",
            "io.kursfilm.identity..",
            "io.kursfilm.video..",
            "io.kursfilm.audit..",
            "io.kursfilm.platform..",
            "io.kursfilm.web..")
        .check(CLASSES);
  }
}
