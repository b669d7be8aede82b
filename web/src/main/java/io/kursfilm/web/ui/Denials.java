package io.kursfilm.web.ui;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;

/** Tells a boundary's refusal (its role or ownership check) from other EJB failures. */
final class Denials {

  private Denials() {}

  /** Whether {@code e} is, or wraps, an access refusal. */
  static boolean denied(EJBException e) {
    return e instanceof EJBAccessException || e.getCause() instanceof EJBAccessException;
  }
}
