package io.kursfilm.quiz.boundary;

/** Which of an employee's attempts is their result. Stored by name. */
public enum CountingRule {
  BEST,
  LAST,
  FIRST
}
