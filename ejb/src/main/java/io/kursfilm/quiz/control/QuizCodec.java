package io.kursfilm.quiz.control;

import io.kursfilm.quiz.boundary.QuizDefinition;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Quiz definitions and answers as the JSON that is sealed into their rows. One shared JSON-B
 * instance: building one is costly, using one is thread-safe.
 */
public final class QuizCodec {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @SuppressWarnings("serial")
  private static final Type ANSWERS =
      new ArrayList<List<Integer>>() {}.getClass().getGenericSuperclass();

  private QuizCodec() {}

  public static String json(QuizDefinition quiz) {
    return JSONB.toJson(quiz);
  }

  public static QuizDefinition definition(String json) {
    try {
      return JSONB.fromJson(json, QuizDefinition.class);
    } catch (JsonbException e) {
      throw new IllegalStateException("stored quiz unreadable", e);
    }
  }

  public static String json(List<List<Integer>> answers) {
    return JSONB.toJson(answers, ANSWERS);
  }

  public static List<List<Integer>> answers(String json) {
    return JSONB.fromJson(json, ANSWERS);
  }
}
