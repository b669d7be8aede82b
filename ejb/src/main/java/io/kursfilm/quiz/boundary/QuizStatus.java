package io.kursfilm.quiz.boundary;

/** Where an employee stands with the quiz of a video, as the portal lists it. */
public enum QuizStatus {
  /** No attempt yet. */
  NOT_STARTED,
  /** An attempt is open: answers given during the video are saved, not yet submitted. */
  IN_PROGRESS,
  /** The attempt that counts reached the pass mark. */
  PASSED,
  /** The attempt that counts stayed below the pass mark. */
  FAILED
}
