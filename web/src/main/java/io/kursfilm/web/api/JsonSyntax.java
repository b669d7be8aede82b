package io.kursfilm.web.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;

/**
 * Checks that a request body is exactly one well-formed JSON value nested at most {@link
 * #MAX_DEPTH} deep, with Jackson's streaming parser, before JSON-B reads it. JSON-B's own parser
 * (Parsson) loops forever when asked to skip an unterminated value (eclipse-ee4j/parsson#23) and
 * recurses on deep nesting; Jackson's parser stops at the end of the input and enforces its {@link
 * StreamReadConstraints}, so JSON-B only ever sees documents that end.
 */
final class JsonSyntax {

  /** Bodies of this API nest three levels at most; a little room, no more. */
  static final int MAX_DEPTH = 32;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();

  private JsonSyntax() {}

  /**
   * Returns normally when {@code body} is one well-formed JSON value.
   *
   * @throws InvalidBodyException saying what is wrong, without echoing the body
   */
  static void check(byte[] body) {
    try (JsonParser parser = FACTORY.createParser(body)) {
      if (parser.nextToken() == null) {
        throw new InvalidBodyException("The body is empty.");
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        throw new InvalidBodyException("The body has content after its JSON value.");
      }
    } catch (StreamConstraintsException e) {
      throw new InvalidBodyException("The JSON body nests deeper than " + MAX_DEPTH + " levels.");
    } catch (IOException e) {
      throw new InvalidBodyException("The body is not well-formed JSON.");
    }
  }
}
