package io.kursfilm.web.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Lists every JAX-RS resource method with the roles that may call it and compares the list with
 * {@code endpoint-roles.csv}, so a new endpoint, a removed one or a changed role shows up in
 * review. The resources carry no role annotations of their own today: the ejb boundary they call
 * does, so the table names the boundary methods a resource method calls (directly, or through its
 * own helpers and lambdas) with their {@code @RolesAllowed}, {@code @PermitAll} or
 * {@code @DenyAll}.
 */
class EndpointRolesTest {

  private static final String TABLE = "/endpoint-roles.csv";
  private static final String HEADER = "http,path,resource_method,declared_roles,guarded_by";
  private static final String ROOT = "/api/v1";

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.kursfilm");

  @Test
  void every_endpoint_has_a_row() throws IOException {
    Map<String, String> table = table();
    Set<String> missing = new TreeSet<>(endpoints().keySet());
    missing.removeAll(table.keySet());
    assertTrue(missing.isEmpty(), "endpoints without a row, add:\n" + rows(missing));
  }

  @Test
  void every_row_has_an_endpoint() throws IOException {
    Set<String> stale = new TreeSet<>(table().keySet());
    stale.removeAll(endpoints().keySet());
    assertTrue(stale.isEmpty(), "rows without an endpoint: " + stale);
  }

  @Test
  void roles_match_the_table() throws IOException {
    Map<String, String> table = table();
    Map<String, String> changed = new TreeMap<>(endpoints());
    changed.keySet().retainAll(table.keySet());
    changed.entrySet().removeIf(e -> e.getValue().equals(table.get(e.getKey())));
    assertTrue(changed.isEmpty(), "roles changed, now:\n" + String.join("\n", changed.values()));
  }

  @Test
  void the_table_lists_each_endpoint_once() throws IOException {
    assertEquals(lines().size(), table().size(), "duplicate rows in " + TABLE);
  }

  private static String rows(Set<String> keys) {
    Map<String, String> endpoints = endpoints();
    return keys.stream().map(endpoints::get).collect(Collectors.joining("\n"));
  }

  /**
   * Row key (http, path, resource method) to the whole row, for every resource method; also what
   * AuthorisationMatrixRowsTest compares the authorisation matrix with.
   */
  static Map<String, String> endpoints() {
    Map<String, String> rows = new TreeMap<>();
    for (JavaClass resource : CLASSES) {
      if (!resource.getPackageName().equals("io.kursfilm.web.api")
          || !resource.isAnnotatedWith(Path.class)) {
        continue;
      }
      String base = resource.getAnnotationOfType(Path.class).value();
      for (Method method : resource.reflect().getDeclaredMethods()) {
        httpMethod(method)
            .ifPresent(
                http -> {
                  String row =
                      String.join(
                          ",",
                          http,
                          path(base, method),
                          resource.getSimpleName() + "." + method.getName(),
                          declaredRoles(method),
                          guards(resource, method));
                  rows.put(key(row), row);
                });
      }
    }
    return rows;
  }

  private static Optional<String> httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return Optional.of(http.value());
      }
    }
    return Optional.empty();
  }

  private static String path(String base, Method method) {
    Path sub = method.getAnnotation(Path.class);
    String path = ROOT + "/" + base + (sub == null ? "" : "/" + sub.value());
    return path.replaceAll("/+", "/").replaceAll("/$", "");
  }

  /** Roles the web resource itself declares; method before class, as the container reads them. */
  private static String declaredRoles(Method method) {
    return roles(
            method.getAnnotation(RolesAllowed.class),
            method.isAnnotationPresent(PermitAll.class),
            method.isAnnotationPresent(DenyAll.class))
        .or(
            () -> {
              Class<?> owner = method.getDeclaringClass();
              return roles(
                  owner.getAnnotation(RolesAllowed.class),
                  owner.isAnnotationPresent(PermitAll.class),
                  owner.isAnnotationPresent(DenyAll.class));
            })
        .orElse("-");
  }

  /** The boundary methods the resource method reaches, each with the roles it allows. */
  private static String guards(JavaClass resource, Method method) {
    Set<String> guards = new TreeSet<>();
    Set<JavaMethod> seen = new HashSet<>();
    Deque<JavaMethod> todo = new ArrayDeque<>();
    todo.add(resource.getMethod(method.getName(), method.getParameterTypes()));
    while (!todo.isEmpty()) {
      JavaMethod current = todo.pop();
      if (!seen.add(current)) {
        continue;
      }
      for (JavaMethodCall call : current.getMethodCallsFromSelf()) {
        JavaClass owner = call.getTargetOwner();
        Optional<JavaMethod> target = call.getTarget().resolveMember();
        if (owner.equals(resource)) {
          target.ifPresent(todo::add);
        } else if (isBoundaryBean(owner) && target.isPresent()) {
          guards.add(
              owner.getSimpleName() + "." + target.get().getName() + "=" + roles(target.get()));
        }
      }
    }
    return guards.isEmpty() ? "none" : String.join(";", guards);
  }

  /** A session bean of a boundary package; its records and helpers there guard nothing. */
  private static boolean isBoundaryBean(JavaClass owner) {
    return owner.getPackageName().endsWith(".boundary")
        && (owner.isAnnotatedWith(Stateless.class)
            || owner.isAnnotatedWith(Singleton.class)
            || owner.isAnnotatedWith(Stateful.class));
  }

  private static String roles(JavaMethod boundary) {
    return annotated(boundary).or(() -> annotated(boundary.getOwner())).orElse("unguarded");
  }

  private static Optional<String> annotated(HasAnnotations<?> element) {
    return roles(
        element.tryGetAnnotationOfType(RolesAllowed.class).orElse(null),
        element.isAnnotatedWith(PermitAll.class),
        element.isAnnotatedWith(DenyAll.class));
  }

  private static Optional<String> roles(RolesAllowed allowed, boolean permitAll, boolean denyAll) {
    if (allowed != null) {
      return Optional.of(String.join("|", new TreeSet<>(Set.of(allowed.value()))));
    }
    if (permitAll) {
      return Optional.of("permitAll");
    }
    return denyAll ? Optional.of("denyAll") : Optional.empty();
  }

  private static String key(String row) {
    String[] cells = row.split(",", -1);
    return cells[0] + " " + cells[1] + " " + cells[2];
  }

  private static Map<String, String> table() throws IOException {
    Map<String, String> rows = new TreeMap<>();
    for (String line : lines()) {
      rows.put(key(line), line);
    }
    return rows;
  }

  /** The table's rows without header, blank lines and {@code #} comments. */
  private static List<String> lines() throws IOException {
    try (InputStream in = EndpointRolesTest.class.getResourceAsStream(TABLE)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.equals(HEADER))
          .toList();
    }
  }
}
