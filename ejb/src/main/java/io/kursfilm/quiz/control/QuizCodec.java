package io.kursfilm.quiz.control;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kursfilm.quiz.boundary.QuizDefinition;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Quiz definitions and answers as the JSON that is sealed into their rows. One shared JSON-B
 * instance (building one is costly, using one is thread-safe), made at its first use.
 */
public final class QuizCodec {

  private static final JsonFactory ANSWERS_FACTORY = new JsonFactory();

  private static final class Binding {
    static final Jsonb JSONB = JsonbBuilder.create();
  }

  @SuppressWarnings("serial")
  private static final Type ANSWERS =
      new ArrayList<List<Integer>>() {}.getClass().getGenericSuperclass();

  private QuizCodec() {}

  public static String json(QuizDefinition quiz) {
    return Binding.JSONB.toJson(quiz);
  }

  public static QuizDefinition definition(String json) {
    try {
      return Binding.JSONB.fromJson(json, QuizDefinition.class);
    } catch (JsonbException e) {
      throw new IllegalStateException("stored quiz unreadable", e);
    }
  }

  public static String json(List<List<Integer>> answers) {
    return Binding.JSONB.toJson(answers, ANSWERS);
  }

  /**
   * Reads answers as {@link #json(List)} writes them. Streamed rather than bound with JSON-B: the
   * results of a quiz read thousands at once, and binding a generic list cost more than opening the
   * sealed value.
   */
  public static List<List<Integer>> answers(String json) {
    try (JsonParser parser = ANSWERS_FACTORY.createParser(json)) {
      List<List<Integer>> answers = new ArrayList<>();
      expect(parser.nextToken(), JsonToken.START_ARRAY);
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        expect(t, JsonToken.START_ARRAY);
        List<Integer> answer = new ArrayList<>();
        for (JsonToken o = parser.nextToken(); o != JsonToken.END_ARRAY; o = parser.nextToken()) {
          expect(o, JsonToken.VALUE_NUMBER_INT);
          answer.add(parser.getIntValue());
        }
        answers.add(answer);
      }
      if (parser.nextToken() != null) {
        throw new IllegalStateException("stored answers unreadable: trailing content");
      }
      return answers;
    } catch (IOException e) {
      throw new IllegalStateException("stored answers unreadable", e);
    }
  }

  private static void expect(JsonToken token, JsonToken expected) {
    if (token != expected) {
      throw new IllegalStateException("stored answers unreadable: " + token);
    }
  }
}
