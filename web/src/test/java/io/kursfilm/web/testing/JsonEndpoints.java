package io.kursfilm.web.testing;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * Every REST endpoint of the shipped war that reads a JSON body, found by reflection over the
 * resource classes in its {@code WEB-INF/classes}: POST, PUT and PATCH methods that consume JSON,
 * or consume anything and take an entity that is not a raw stream. A new endpoint is covered by the
 * tests that use this list without being named anywhere.
 */
public final class JsonEndpoints {

  /** One endpoint: HTTP method and a concrete path below the war's root (templates filled in). */
  public record Endpoint(String method, String path) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static final String CLASSES = "WEB-INF/classes/";

  private JsonEndpoints() {}

  /** The JSON-reading endpoints of the war at {@code war}. */
  public static List<Endpoint> in(File war) throws IOException {
    List<Class<?>> classes = classes(war);
    String root =
        classes.stream()
            .map(c -> c.getAnnotation(ApplicationPath.class))
            .filter(a -> a != null)
            .map(ApplicationPath::value)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no @ApplicationPath in " + war));
    List<Endpoint> endpoints = new ArrayList<>();
    for (Class<?> resource : classes) {
      Path path = resource.getAnnotation(Path.class);
      if (path == null) {
        continue;
      }
      for (Method m : resource.getMethods()) {
        Optional<String> verb = httpMethod(m);
        if (verb.isPresent() && !verb.get().equals("GET") && readsJson(resource, m)) {
          endpoints.add(new Endpoint(verb.get(), join(root, path.value(), m)));
        }
      }
    }
    endpoints.sort(Comparator.comparing(Endpoint::toString));
    return endpoints;
  }

  private static List<Class<?>> classes(File war) throws IOException {
    List<Class<?>> classes = new ArrayList<>();
    ClassLoader loader = JsonEndpoints.class.getClassLoader();
    try (ZipFile zip = new ZipFile(war)) {
      for (var entries = zip.entries(); entries.hasMoreElements(); ) {
        String name = entries.nextElement().getName();
        if (name.startsWith(CLASSES) && name.endsWith(".class") && !name.contains("$")) {
          String className =
              name.substring(CLASSES.length(), name.length() - ".class".length()).replace('/', '.');
          if (className.endsWith("package-info")) {
            continue;
          }
          try {
            classes.add(Class.forName(className, false, loader));
          } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot load " + className, e);
          }
        }
      }
    }
    return classes;
  }

  private static Optional<String> httpMethod(Method m) {
    return Arrays.stream(m.getAnnotations())
        .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
        .filter(h -> h != null)
        .map(HttpMethod::value)
        .findFirst();
  }

  private static boolean readsJson(Class<?> resource, Method m) {
    Optional<Parameter> entity =
        Arrays.stream(m.getParameters()).filter(JsonEndpoints::isEntity).findFirst();
    if (entity.isEmpty()) {
      return false;
    }
    Consumes consumes =
        m.isAnnotationPresent(Consumes.class)
            ? m.getAnnotation(Consumes.class)
            : resource.getAnnotation(Consumes.class);
    List<String> types = consumes == null ? List.of(MediaType.WILDCARD) : media(consumes);
    if (types.stream().anyMatch(t -> t.startsWith(MediaType.APPLICATION_JSON))) {
      return true;
    }
    Class<?> type = entity.get().getType();
    return types.contains(MediaType.WILDCARD)
        && !InputStream.class.isAssignableFrom(type)
        && type != byte[].class;
  }

  private static List<String> media(Consumes consumes) {
    return Arrays.stream(consumes.value())
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::strip)
        .toList();
  }

  /** A parameter without a JAX-RS source annotation is the request entity. */
  private static boolean isEntity(Parameter p) {
    for (Annotation a : p.getAnnotations()) {
      String pkg = a.annotationType().getPackageName();
      if (pkg.equals("jakarta.ws.rs") || a.annotationType() == Context.class) {
        return false;
      }
    }
    return true;
  }

  private static String join(String root, String resourcePath, Method m) {
    Path sub = m.getAnnotation(Path.class);
    String joined =
        trim(root) + "/" + trim(resourcePath) + (sub == null ? "" : "/" + trim(sub.value()));
    // Any value does for a template: the body is read (and refused) before the method runs.
    return joined.replaceAll("\\{[^}]*}", "1").replaceAll("/+", "/").replaceAll("^/", "");
  }

  private static String trim(String p) {
    return p.replaceAll("^/+|/+$", "");
  }
}
