package io.kursfilm.operator.control;

/** What an orphan object was, by where it lies in a tenant's bucket. */
public enum OrphanKind {
  /** Anything under {@code videos/<id>/} whose version row is gone (deleted, rolled back). */
  VERSION,
  /** A rendition of an existing version that is not its published one, with no job running. */
  RENDITION,
  /** A caption object without its caption row. */
  CAPTION,
  /** Parts under {@code export/<id>/} of an offboarding that is gone or was cancelled. */
  EXPORT
}
