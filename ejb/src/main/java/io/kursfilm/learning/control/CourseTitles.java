package io.kursfilm.learning.control;

import java.util.Optional;

/**
 * The title of a course in the bound tenant, for its certificates. Implemented where courses live
 * (the assignments' part of this component); until one is deployed a course certificate names the
 * course by a generic word instead of its title.
 */
public interface CourseTitles {

  Optional<String> title(String courseId);
}
