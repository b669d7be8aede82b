package io.kursfilm.quiz.boundary;

import java.util.List;

/**
 * One question of a quiz.
 *
 * @param atSecond where the player pauses to ask it during the video; null: asked after the video
 * @param mandatory an in-video question the viewer cannot seek past unanswered
 */
public record Question(
    QuestionType type, String text, List<Option> options, Integer atSecond, boolean mandatory) {

  public Question {
    options = List.copyOf(options);
  }

  public boolean inVideo() {
    return atSecond != null;
  }
}
