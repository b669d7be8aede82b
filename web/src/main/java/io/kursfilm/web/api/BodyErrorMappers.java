package io.kursfilm.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Refused request bodies ({@link BodyGuard}) as the API's JSON errors. */
public final class BodyErrorMappers {

  private BodyErrorMappers() {}

  @Provider
  public static class Invalid implements ExceptionMapper<InvalidBodyException> {
    @Override
    public Response toResponse(InvalidBodyException e) {
      return ApiError.response(Status.BAD_REQUEST, "invalid_body", e.getMessage());
    }
  }

  @Provider
  public static class TooLarge implements ExceptionMapper<BodyTooLargeException> {
    @Override
    public Response toResponse(BodyTooLargeException e) {
      return ApiError.response(Status.REQUEST_ENTITY_TOO_LARGE, "too_large", e.getMessage());
    }
  }
}
