package io.kursfilm.storage.objects;

import io.minio.errors.ErrorResponseException;
import io.minio.errors.ServerException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Decides whether a failed S3 request is worth repeating. Only faults of the network or of an
 * overloaded server are transient; anything the server answered deliberately (missing key, access
 * denied, bad request) fails at once.
 */
final class TransientFaults {

  /** S3 error codes that mean "try again later" even when the HTTP status is not 5xx. */
  private static final Set<String> RETRYABLE_CODES =
      Set.of("SlowDown", "ServiceUnavailable", "InternalError", "RequestTimeout");

  private TransientFaults() {}

  static boolean isTransient(Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof ServerException server) {
      return server.statusCode() >= 500;
    }
    if (t instanceof ErrorResponseException error) {
      int status = error.response() == null ? 0 : error.response().code();
      String code = error.errorResponse() == null ? null : error.errorResponse().code();
      return status >= 500 || RETRYABLE_CODES.contains(code);
    }
    if (t instanceof UnknownHostException) {
      return false; // a typo in the endpoint does not heal by waiting
    }
    // Refused, reset, broken pipe, timeouts: the server or the path to it is having a moment.
    return t instanceof ConnectException
        || t instanceof NoRouteToHostException
        || t instanceof SocketTimeoutException
        || t instanceof InterruptedIOException
        || t instanceof SocketException
        || isPrematureEnd(t);
  }

  /** okhttp reports a connection dropped mid-response as a plain IOException ("unexpected end"). */
  private static boolean isPrematureEnd(Throwable t) {
    return t instanceof java.io.EOFException
        || (t instanceof java.io.IOException
            && t.getMessage() != null
            && t.getMessage().startsWith("unexpected end of stream"));
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof ExecutionException || t instanceof CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
