package io.kursfilm.identity.entity;

import io.kursfilm.tenant.control.PersonalData;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Keeps users' e-mail addresses encrypted at rest under the tenant key. */
@Converter
public class EmailConverter implements AttributeConverter<String, String> {

  private static final String FIELD = "user.email";

  @Override
  public String convertToDatabaseColumn(String value) {
    return PersonalData.seal(FIELD, value);
  }

  @Override
  public String convertToEntityAttribute(String stored) {
    return PersonalData.open(FIELD, stored);
  }
}
