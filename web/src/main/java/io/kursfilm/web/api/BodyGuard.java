package io.kursfilm.web.api;

import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Stands before every entity the API reads (JSON records, CSV text): the body is bounded by its
 * endpoint's {@link BodyLimit} (413 from the declared length, or once the limit is passed while
 * reading), and a JSON body must be one well-formed value of limited depth ({@link JsonSyntax})
 * before JSON-B sees it. Whatever JSON-B then refuses (wrong types, numbers that do not fit) is the
 * client's fault: 400, never 500. Raw streams pass untouched: video chunks and captions count their
 * own bytes.
 */
@Provider
public class BodyGuard implements ReaderInterceptor {

  static final String MAX_BODY_BYTES = "kursfilm.api.max-body-bytes";

  /** Yasson names the property it could not read in its message. */
  private static final Pattern PROPERTY = Pattern.compile("property '([A-Za-z0-9_]{1,64})'");

  /** Yasson's words for a field the request type does not have (StrictJsonb refuses those). */
  private static final Pattern UNKNOWN =
      Pattern.compile("Json property ([A-Za-z0-9_]{1,64}) can not be mapped");

  @Context ResourceInfo resource;

  private final int defaultLimit =
      ConfigProvider.getConfig().getValue(MAX_BODY_BYTES, Integer.class);

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext ctx) throws IOException {
    if (InputStream.class.isAssignableFrom(ctx.getType())) {
      return ctx.proceed();
    }
    int limit = limit();
    if (declaredLength(ctx) > limit) {
      throw new BodyTooLargeException(limit);
    }
    byte[] body = ctx.getInputStream().readNBytes(limit + 1);
    if (body.length > limit) {
      throw new BodyTooLargeException(limit);
    }
    boolean json = isJson(ctx.getMediaType());
    // An empty body keeps JAX-RS's own handling (a null entity or 400).
    if (json && body.length > 0) {
      JsonSyntax.check(body);
      if (startsWith(body, '[') && !takesArray(ctx.getType())) {
        // JSON-B reads [{...}] into an object as if the brackets were not there.
        throw new InvalidBodyException("The body must be a JSON object, not an array.");
      }
    }
    ctx.setInputStream(new ByteArrayInputStream(body));
    try {
      return ctx.proceed();
    } catch (WebApplicationException e) {
      throw e;
    } catch (RuntimeException e) {
      if (!json) {
        throw e;
      }
      throw new InvalidBodyException(misfit(e));
    }
  }

  private int limit() {
    Method method = resource == null ? null : resource.getResourceMethod();
    BodyLimit annotated = method == null ? null : method.getAnnotation(BodyLimit.class);
    return annotated == null ? defaultLimit : annotated.value();
  }

  private static long declaredLength(ReaderInterceptorContext ctx) {
    String value = ctx.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
    try {
      return value == null ? -1 : Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean startsWith(byte[] body, char c) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return b == c;
      }
    }
    return false;
  }

  private static boolean takesArray(Class<?> type) {
    return type.isArray()
        || Collection.class.isAssignableFrom(type)
        || JsonValue.class.isAssignableFrom(type);
  }

  static boolean isJson(MediaType type) {
    return type != null
        && "application".equalsIgnoreCase(type.getType())
        && ("json".equalsIgnoreCase(type.getSubtype())
            || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
  }

  /** The property JSON-B could not read, if it says; never the value, never a class name. */
  private static String misfit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      Matcher unknown = t.getMessage() == null ? null : UNKNOWN.matcher(t.getMessage());
      if (unknown != null && unknown.find()) {
        return unknown.group(1) + ": not a field of this request.";
      }
      Matcher m = t.getMessage() == null ? null : PROPERTY.matcher(t.getMessage());
      if (m != null && m.find()) {
        return m.group(1) + ": wrong type, or a number that is not an exact integer in range.";
      }
    }
    return "The body does not fit this request: a field has the wrong type or a number is not an"
        + " exact integer in range.";
  }
}
