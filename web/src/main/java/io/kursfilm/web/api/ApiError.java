package io.kursfilm.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The API's one error shape: {@code {"error": code, "message": human text}}. */
public record ApiError(String error, String message) {

  public static Response response(Response.StatusType status, String error, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(error, message))
        .build();
  }
}
