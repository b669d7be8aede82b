package io.kursfilm.quiz.boundary;

/** How a question is answered and scored. Stored by name inside a quiz's sealed definition. */
public enum QuestionType {
  /** Exactly one option is right; the answer names one option. */
  SINGLE_CHOICE,
  /** One or more options are right; the answer must name exactly those. */
  MULTIPLE_CHOICE,
  /** Two options, "true" and "false", one of them right. */
  TRUE_FALSE,
  /** The options are listed in the right order; the answer is every option, in an order. */
  ORDERING
}
