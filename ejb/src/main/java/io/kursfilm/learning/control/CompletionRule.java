package io.kursfilm.learning.control;

/**
 * When watching a video counts as completing it: at least {@link #WATCHED_SHARE} of its segments
 * actually played (jumping does not play a segment) and, where the video has a quiz, the quiz
 * passed. The one place that says so.
 */
public final class CompletionRule {

  public static final double WATCHED_SHARE = 0.9;

  private CompletionRule() {}

  /**
   * @param watchedShare share of the published version's segments watched since the last completion
   * @param hasQuiz the published version carries a quiz
   * @param quizPassed the person's attempt that counts passed it
   */
  public static boolean completes(double watchedShare, boolean hasQuiz, boolean quizPassed) {
    return watchedShare >= WATCHED_SHARE && (!hasQuiz || quizPassed);
  }
}
