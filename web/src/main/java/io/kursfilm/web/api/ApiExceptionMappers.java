package io.kursfilm.web.api;

import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.NotAuthenticatedException;
import io.kursfilm.storage.keys.KeyStoreException;
import io.kursfilm.storage.objects.ObjectStoreException;
import io.kursfilm.video.boundary.UploadTooLargeException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLTransactionRollbackException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns exceptions into the API's JSON errors. Never a stack trace to the client: unexpected
 * failures get an incident id that is also in the server log.
 */
public final class ApiExceptionMappers {

  private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class.getName());

  private ApiExceptionMappers() {}

  @Provider
  public static class NotAuthenticated implements ExceptionMapper<NotAuthenticatedException> {
    @Override
    public Response toResponse(NotAuthenticatedException e) {
      return ApiError.response(Status.UNAUTHORIZED, "unauthenticated", "Authentication required.");
    }
  }

  @Provider
  public static class AccessDenied implements ExceptionMapper<EJBAccessException> {
    @Context SecurityContext security;

    @Override
    public Response toResponse(EJBAccessException e) {
      if (security == null || security.getUserPrincipal() == null) {
        return ApiError.response(
            Status.UNAUTHORIZED, "unauthenticated", "Authentication required.");
      }
      return ApiError.response(Status.FORBIDDEN, "forbidden", "Your role does not allow this.");
    }
  }

  @Provider
  public static class InvalidInput implements ExceptionMapper<IllegalArgumentException> {
    @Override
    public Response toResponse(IllegalArgumentException e) {
      return ApiError.response(Status.BAD_REQUEST, "invalid", e.getMessage());
    }
  }

  @Provider
  public static class Conflict implements ExceptionMapper<ConflictException> {
    @Override
    public Response toResponse(ConflictException e) {
      return ApiError.response(Status.CONFLICT, "conflict", e.getMessage());
    }
  }

  @Provider
  public static class TooLarge implements ExceptionMapper<UploadTooLargeException> {
    @Override
    public Response toResponse(UploadTooLargeException e) {
      return ApiError.response(Status.REQUEST_ENTITY_TOO_LARGE, "too_large", e.getMessage());
    }
  }

  @Provider
  public static class Http implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response.StatusType status = e.getResponse().getStatusInfo();
      String code = status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
      return ApiError.response(status, code, status.getReasonPhrase());
    }
  }

  @Provider
  public static class Unexpected implements ExceptionMapper<Exception> {
    @Override
    public Response toResponse(Exception e) {
      Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof EJBAccessException denied) {
        return new AccessDenied().toResponse(denied);
      }
      if (lostRace(e)) {
        return ApiError.response(
            Status.CONFLICT, "conflict", "Changed by another request meanwhile; reload and retry.");
      }
      String incident = UUID.randomUUID().toString();
      if (storageUnavailable(e)) {
        // The object store or the key store is away (readiness names which): the request was
        // fine and will work once it is back, so players and scripts are told to retry.
        LOG.log(Level.WARNING, "incident " + incident + ": storage unavailable", cause);
        return Response.fromResponse(
                ApiError.response(
                    Status.SERVICE_UNAVAILABLE,
                    "unavailable",
                    "Storage is unavailable; retry shortly (incident " + incident + ")."))
            .header("Retry-After", RETRY_AFTER_SECONDS)
            .build();
      }
      LOG.log(Level.SEVERE, "incident " + incident, cause);
      return ApiError.response(
          Status.INTERNAL_SERVER_ERROR, "internal", "Internal error, incident " + incident + ".");
    }

    private static final int RETRY_AFTER_SECONDS = 5;

    private static boolean storageUnavailable(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ObjectStoreException || t instanceof KeyStoreException) {
          return true;
        }
      }
      return false;
    }

    /**
     * A concurrent change won the version check at commit: the client's view is stale. JPA's
     * exception or EclipseLink's own of the same name, depending on where the commit failed. Or the
     * database chose this transaction as a deadlock's victim (SQLState class 40, e.g. two
     * invitations into one company at once): rolled back whole, so sending it again is safe.
     */
    private static boolean lostRace(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof OptimisticLockException
            || t instanceof SQLTransactionRollbackException
            || t.getClass().getSimpleName().equals("OptimisticLockException")) {
          return true;
        }
      }
      return false;
    }
  }
}
