package io.kursfilm.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rules between the ejb components: each is {@code io.kursfilm.<component>.{boundary,control,
 * entity}}, depends on the kernel and on other components' boundaries only, and no two depend on
 * each other, directly or around a loop.
 */
class EjbArchitectureTest {

  private static final Pattern INNER_PACKAGE =
      Pattern.compile("io\\.kursfilm\\.([^.]+)\\.(control|entity)(\\..*)?");

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // Every component, present and future; storage and transcoder come from their jars.
          .importPackages("io.kursfilm");

  @Test
  void ejb_never_imports_web() {
    noClasses().should().dependOnClassesThat().resideInAPackage("io.kursfilm.web..").check(CLASSES);
  }

  /** The kernel is below every component: caller, tenant context, shared exceptions. */
  @Test
  void the_kernel_depends_on_no_component() {
    noClasses()
        .that()
        .resideInAPackage("io.kursfilm.kernel..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.kursfilm..")
                .and(not(resideInAnyPackage("io.kursfilm.kernel..", "io.kursfilm.storage.."))))
        .check(CLASSES);
  }

  /**
   * The tenant keys and sealed objects without the tenant gate seal for an offboarding tenant: only
   * the export job (and the wiring that makes them) may touch them.
   */
  @Test
  void only_the_offboarding_export_uses_the_ungated_keys() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.kursfilm.offboarding.control..", "io.kursfilm.platform..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.kursfilm.platform.boundary.Ungated")
        .check(CLASSES);
  }

  @Test
  void no_cycles_between_components() {
    slices().matching("io.kursfilm.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void only_a_component_touches_its_control_and_entity() {
    noClasses().should(touchAnotherComponentsControlOrEntity()).check(CLASSES);
  }

  private static ArchCondition<JavaClass> touchAnotherComponentsControlOrEntity() {
    return new ArchCondition<>("touch the control or entity package of another component") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        Optional<String> own = component(origin.getPackageName());
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          Optional<String> target = innerComponent(dependency.getTargetClass().getPackageName());
          boolean foreign = target.isPresent() && !target.equals(own);
          events.add(new SimpleConditionEvent(origin, foreign, dependency.getDescription()));
        }
      }
    };
  }

  /** The component a package belongs to: {@code io.kursfilm.<component>..}. */
  private static Optional<String> component(String packageName) {
    String[] parts = packageName.split("\\.");
    return parts.length > 2 ? Optional.of(parts[2]) : Optional.empty();
  }

  /** The component whose control or entity package this is, if it is one. */
  private static Optional<String> innerComponent(String packageName) {
    Matcher matcher = INNER_PACKAGE.matcher(packageName);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
