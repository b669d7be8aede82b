package io.kursfilm.learning.control;

import io.kursfilm.learning.entity.Course;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The title of a course in the bound tenant, for its certificates. */
@Dependent
public class CourseTitles {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  public Optional<String> title(String courseId) {
    return Optional.ofNullable(courseId).map(id -> em.find(Course.class, id)).map(Course::title);
  }
}
