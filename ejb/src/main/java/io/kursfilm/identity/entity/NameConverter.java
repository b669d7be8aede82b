package io.kursfilm.identity.entity;

import io.kursfilm.tenant.control.PersonalData;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Keeps users' display names encrypted at rest under the tenant key. */
@Converter
public class NameConverter implements AttributeConverter<String, String> {

  private static final String FIELD = "user.display_name";

  @Override
  public String convertToDatabaseColumn(String value) {
    return PersonalData.seal(FIELD, value);
  }

  @Override
  public String convertToEntityAttribute(String stored) {
    return PersonalData.open(FIELD, stored);
  }
}
