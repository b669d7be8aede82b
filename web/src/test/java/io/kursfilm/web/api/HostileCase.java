package io.kursfilm.web.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * One case of the hostile input corpus ({@code src/test/resources/hostile/corpus.json}): who sends
 * what where, and the outcome that counts as a clear refusal. Text cases carry a payload that is
 * stored on purpose and must only ever come back escaped ({@link #never()}, {@link #shown()}).
 */
record HostileCase(
    String id,
    String category,
    String as,
    String method,
    String path,
    String type,
    String body,
    String gen,
    List<String> headers,
    List<String> expect,
    boolean plain,
    String field,
    String never,
    String shown,
    String csv) {

  static final String CORPUS = "/hostile/corpus.json";

  /** All cases of the corpus, in file order. */
  static List<HostileCase> all() {
    try (InputStream in = HostileCase.class.getResourceAsStream(CORPUS);
        var reader = Json.createReader(in)) {
      return reader.readObject().getJsonArray("cases").stream()
          .map(JsonValue::asJsonObject)
          .map(HostileCase::of)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HostileCase of(JsonObject c) {
    String expect = c.getString("expect", null);
    return new HostileCase(
        c.getString("id"),
        c.getString("category"),
        c.getString("as", "none"),
        c.getString("method", null),
        c.getString("path", null),
        c.getString("type", null),
        c.getString("body", null),
        c.getString("gen", null),
        c.containsKey("headers")
            ? c.getJsonArray("headers").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList()
            : List.of(),
        expect == null ? List.of() : Arrays.asList(expect.split("\\|")),
        c.getBoolean("plain", false),
        c.getString("field", null),
        c.getString("never", null),
        c.getString("shown", null),
        c.getString("csv", null));
  }

  /**
   * Whether {@code status} is one of the expected statuses; media taken for probing (REJECTED_INPUT
   * later) is answered 202, a declared upload 201.
   */
  boolean accepts(int status) {
    return expect.stream()
        .anyMatch(
            e ->
                e.equals(String.valueOf(status))
                    || (e.equals("4xx") && status >= 400 && status < 500)
                    || (e.startsWith("REJECTED_INPUT:") && (status == 201 || status == 202)));
  }

  /** The rejection reasons this case accepts for a video that was taken for probing. */
  List<String> rejections() {
    return expect.stream()
        .filter(e -> e.startsWith("REJECTED_INPUT:"))
        .map(e -> e.substring("REJECTED_INPUT:".length()))
        .toList();
  }

  @Override
  public String toString() {
    return id + " (" + method + " " + path + ")";
  }
}
