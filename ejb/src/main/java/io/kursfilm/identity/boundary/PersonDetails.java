package io.kursfilm.identity.boundary;

import io.kursfilm.identity.control.UserDirectory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A person's display name and language in the bound tenant, active or not, for documents made for
 * that person (a certificate of completion names them in their language). It checks no role: the
 * calling boundary has bound the tenant and decided who may see the document. The web never uses it
 * (WebArchitectureTest).
 */
@Dependent
public class PersonDetails {

  /**
   * @param language {@code de} or {@code en}; null when they never picked one
   */
  public record Person(String displayName, String language) {}

  @Inject UserDirectory directory;

  public Optional<Person> of(String userId) {
    return directory.find(userId).map(u -> new Person(u.displayName(), u.language().orElse(null)));
  }
}
