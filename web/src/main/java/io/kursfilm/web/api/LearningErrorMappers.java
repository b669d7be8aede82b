package io.kursfilm.web.api;

import io.kursfilm.learning.boundary.TooManyReportsException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The learning portal's own refusals as the API's JSON errors. */
public final class LearningErrorMappers {

  private LearningErrorMappers() {}

  @Provider
  public static class TooManyReports implements ExceptionMapper<TooManyReportsException> {
    @Override
    public Response toResponse(TooManyReportsException e) {
      Response r = ApiError.response(Status.TOO_MANY_REQUESTS, "throttled", e.getMessage());
      return Response.fromResponse(r).header("Retry-After", "60").build();
    }
  }
}
