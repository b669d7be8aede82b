package io.kursfilm.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.bind.Jsonb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API's JSON-B on Yasson, the implementation Payara ships. */
class StrictJsonbTest {

  public record Upload(String title, Long size, Integer count) {}

  public record Update(Boolean active, java.util.List<String> roles) {}

  private final Jsonb jsonb = StrictJsonb.create();

  @Test
  void exact_integers_are_read_also_in_exponent_notation() {
    Upload u = jsonb.fromJson("{\"title\":\"t\",\"size\":1e3,\"count\":-7}", Upload.class);
    assertEquals(1000L, u.size());
    assertEquals(-7, u.count());
    assertEquals(
        Long.MAX_VALUE, jsonb.fromJson("{\"size\":9223372036854775807}", Upload.class).size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"title\":\"t\",\"roles\":[\"ROOT\"]}",
        "{\"tenantId\":\"x\"}",
        "{\"title\":\"t\",\"extra\":{\"a\":{\"a\":1}}}"
      })
  void a_field_the_request_does_not_have_is_refused(String body) {
    assertThrows(RuntimeException.class, () -> jsonb.fromJson(body, Upload.class));
  }

  @Test
  void null_and_absent_stay_null() {
    Upload u = jsonb.fromJson("{\"title\":\"t\",\"size\":null}", Upload.class);
    assertNull(u.size());
    assertNull(u.count());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"size\":1e308}",
        "{\"size\":-1e400}",
        "{\"size\":1.5}",
        "{\"size\":1E-7}",
        "{\"size\":9223372036854775808}",
        "{\"size\":\"abc\"}",
        "{\"size\":\"12\"}",
        "{\"size\":true}",
        "{\"size\":[1]}",
        "{\"count\":2147483648}",
        "{\"count\":0.5}"
      })
  void anything_but_an_exact_integer_in_range_is_refused(String body) {
    assertThrows(RuntimeException.class, () -> jsonb.fromJson(body, Upload.class));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"title\":1}",
        "{\"title\":true}",
        "{\"title\":{}}",
        "{\"title\":[\"t\"]}",
      })
  void strings_take_only_json_strings(String body) {
    assertThrows(RuntimeException.class, () -> jsonb.fromJson(body, Upload.class));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"active\":\"yes\"}",
        "{\"active\":\"true\"}",
        "{\"active\":1}",
        "{\"roles\":\"TENANT_ADMIN\"}",
        "{\"roles\":[1]}",
      })
  void booleans_and_lists_take_only_their_own_json_types(String body) {
    assertThrows(RuntimeException.class, () -> jsonb.fromJson(body, Update.class));
  }

  @Test
  void well_typed_bodies_read_as_before() {
    Update u = jsonb.fromJson("{\"active\":false,\"roles\":[\"TRAINER\",null]}", Update.class);
    assertEquals(false, u.active());
    assertEquals(java.util.Arrays.asList("TRAINER", null), u.roles());
    assertEquals("t", jsonb.fromJson("{\"title\":\"t\"}", Upload.class).title());
  }

  @Test
  void writing_is_unchanged() {
    assertEquals("{\"count\":2,\"size\":1,\"title\":\"t\"}", jsonb.toJson(new Upload("t", 1L, 2)));
  }
}
