package io.kursfilm.web.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
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
 * The API's JSON-B: the default, except that a field takes only the JSON type it names. By default
 * JSON-B turns {@code 1e308} into 0 and {@code 1.5} into 1 for a {@code Long}, reads the string
 * {@code "12"} as 12, and the number {@code 1} or {@code true} as the strings "1" and "true". Here
 * {@code Long} and {@code Integer} take only JSON numbers that are exactly an integer of their
 * range, {@code String} only JSON strings, {@code Boolean} only {@code true} and {@code false};
 * anything else is refused (400 through {@link BodyGuard}). JSON null stays null. A field the
 * request type does not have is refused too, naming the field.
 */
@Provider
public class StrictJsonb implements ContextResolver<Jsonb> {

  private final Jsonb jsonb = create();

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }

  static Jsonb create() {
    return JsonbBuilder.create(
        new JsonbConfig()
            // A field the request does not have is a client's mistake or a probe for one the
            // server might assign ("roles", "tenantId"): refused, not silently skipped.
            .setProperty("jsonb.fail-on-unknown-properties", true)
            .withDeserializers(
                new ExactLong(), new ExactInteger(), new OnlyString(), new OnlyBoolean()));
  }

  /** The current value, null for JSON null. */
  private static JsonValue value(JsonParser parser) {
    JsonValue value = parser.getValue();
    return value.getValueType() == JsonValue.ValueType.NULL ? null : value;
  }

  private static BigDecimal number(JsonParser parser) {
    JsonValue value = value(parser);
    if (value == null || value instanceof JsonNumber) {
      return value == null ? null : ((JsonNumber) value).bigDecimalValue();
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

  static final class OnlyString implements JsonbDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext ctx, Type type) {
      JsonValue value = value(parser);
      if (value == null || value instanceof JsonString) {
        return value == null ? null : ((JsonString) value).getString();
      }
      throw new JsonbException("a string is required");
    }
  }

  static final class OnlyBoolean implements JsonbDeserializer<Boolean> {
    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext ctx, Type type) {
      JsonValue value = value(parser);
      if (value == null) {
        return null;
      }
      if (value.getValueType() == JsonValue.ValueType.TRUE
          || value.getValueType() == JsonValue.ValueType.FALSE) {
        return value.getValueType() == JsonValue.ValueType.TRUE;
      }
      throw new JsonbException("true or false is required");
    }
  }
}
