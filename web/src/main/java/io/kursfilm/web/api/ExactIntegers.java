package io.kursfilm.web.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * The API's JSON-B: the default, except that {@code Long} and {@code Integer} fields take only JSON
 * numbers that are exactly an integer of their range. By default JSON-B turns {@code 1e308} into 0
 * and {@code 1.5} into 1, and reads the string {@code "12"} as 12; here each is refused (400
 * through {@link BodyGuard}).
 */
@Provider
public class ExactIntegers implements ContextResolver<Jsonb> {

  private final Jsonb jsonb = create();

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }

  static Jsonb create() {
    return JsonbBuilder.create(
        new JsonbConfig().withDeserializers(new ExactLong(), new ExactInteger()));
  }

  /** The current value as a number, null for JSON null; anything else is refused. */
  private static BigDecimal number(JsonParser parser) {
    JsonValue value = parser.getValue();
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonNumber n) {
      return n.bigDecimalValue();
    }
    throw new JsonbException("an integer is required");
  }

  static final class ExactLong implements JsonbDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser parser, DeserializationContext ctx, Type type) {
      BigDecimal n = number(parser);
      return n == null ? null : n.longValueExact();
    }
  }

  static final class ExactInteger implements JsonbDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext ctx, Type type) {
      BigDecimal n = number(parser);
      return n == null ? null : n.intValueExact();
    }
  }
}
