package io.kursfilm.storage.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rules of the plain-Java modules below every component (storage, transcoder): no Jakarta EE,
 * nothing of the ejb components or the web module, so they run outside the container (worker,
 * tests). Each module checks its own production classes with them.
 */
public final class PlainJavaRules {

  private final JavaClasses classes;

  public PlainJavaRules(String rootPackage) {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(rootPackage);
  }

  public void checkNoJakartaEe() {
    noClasses().should().dependOnClassesThat().resideInAPackage("jakarta..").check(classes);
  }

  public void checkNoComponentNorWeb() {
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
        .check(classes);
  }
}
