package io.kursfilm.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

/**
 * What the web module may use of the ejb components. JSF beans and REST resources hold views, never
 * entities; the web module as a whole uses the components through their boundaries and the kernel
 * only.
 */
class WebArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.kursfilm.web");

  private static final ArchRule NO_ENTITY_IN_BEANS_AND_RESOURCES =
      noClasses()
          .that()
          .resideInAnyPackage("io.kursfilm.web.ui..", "io.kursfilm.web.api..")
          .should()
          .dependOnClassesThat()
          .areAnnotatedWith(Entity.class);

  @Test
  void beans_and_resources_never_use_an_entity() {
    NO_ENTITY_IN_BEANS_AND_RESOURCES.check(CLASSES);
  }

  /** The entity classes live in the ejb jar: the rule must still read their annotations. */
  @Test
  void the_entity_rule_sees_an_entity_of_the_ejb_jar() {
    JavaClasses holder = new ClassFileImporter().importClasses(EntityHolder.class);
    assertTrue(
        noClasses()
            .should()
            .dependOnClassesThat()
            .areAnnotatedWith(Entity.class)
            .evaluate(holder)
            .hasViolation());
  }

  @Test
  void web_imports_no_control_or_entity_type() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.kursfilm.*.control..", "io.kursfilm.*.entity..")
        .check(CLASSES);
  }

  /**
   * Identity's look-up of addresses for notifications checks no role (it serves components, inside
   * a transaction whose tenant is bound): in the web it would let any caller read any address.
   */
  @Test
  void web_never_looks_up_recipients() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.kursfilm.identity.boundary.Recipients")
        .check(CLASSES);
  }

  /** The learning component's look-up of colleagues checks no role either. */
  @Test
  void web_never_looks_up_colleagues() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.kursfilm.identity.boundary.Colleagues")
        .check(CLASSES);
  }

  /** Seams that serve components in a bound tenant and check no role (certificates, guests). */
  @Test
  void web_never_uses_the_unchecked_seams() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.kursfilm.identity.boundary.PersonDetails")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.kursfilm.video.boundary.VideoTitles")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.kursfilm.identity.boundary.PasswordHashes")
        .check(CLASSES);
  }
}
