package io.kursfilm.web.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.testing.AuthorisationMatrix;
import io.kursfilm.web.testing.AuthorisationMatrix.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The authorisation matrix covers the code: every JAX-RS resource method (found as {@link
 * EndpointRolesTest} finds them, not taken from its table) and every JSF page has a row, so a new
 * endpoint or page without a row breaks the build before AuthorisationMatrixIT runs.
 */
class AuthorisationMatrixRowsTest {

  private static final Path WEBAPP = Path.of("src/main/webapp");
  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)[^}]*}");

  @Test
  void every_endpoint_has_a_row() {
    Set<String> missing = codeEndpoints();
    missing.removeAll(matrixKeys());
    assertTrue(missing.isEmpty(), "endpoints without a row in the matrix: " + missing);
  }

  @Test
  void every_page_has_a_row() throws IOException {
    Set<String> missing = pages();
    missing.removeAll(matrixKeys());
    assertTrue(missing.isEmpty(), "pages without a row in the matrix: " + missing);
  }

  @Test
  void every_row_names_an_endpoint_or_a_page() throws IOException {
    Set<String> stale = matrixKeys();
    stale.removeAll(codeEndpoints());
    stale.removeAll(pages());
    assertTrue(stale.isEmpty(), "rows without an endpoint or page: " + stale);
  }

  @Test
  void each_endpoint_has_one_row() {
    List<Row> rows = AuthorisationMatrix.rows();
    assertEquals(rows.size(), matrixKeys().size(), "duplicate rows");
  }

  @Test
  void every_path_variable_has_a_value() {
    for (Row row : AuthorisationMatrix.rows()) {
      Matcher m = VARIABLE.matcher(row.path());
      while (m.find()) {
        assertTrue(row.ids().containsKey(m.group(1)), row + ": no value for " + m.group(1));
      }
      assertTrue(
          !row.path().contains("{") || row.foreign() != null, row + ": ids in the path must vary");
    }
  }

  /** "METHOD /path" of every resource method. */
  private static Set<String> codeEndpoints() {
    return EndpointRolesTest.endpoints().values().stream()
        .map(row -> row.split(",", 3))
        .map(cells -> cells[0] + " " + cells[1])
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** "GET /page.xhtml" of every JSF page outside WEB-INF. */
  private static Set<String> pages() throws IOException {
    try (Stream<Path> files = Files.walk(WEBAPP)) {
      return files
          .map(WEBAPP::relativize)
          .map(p -> p.toString().replace('\\', '/'))
          .filter(p -> p.endsWith(".xhtml") && !p.startsWith("WEB-INF/"))
          .map(p -> "GET /" + p)
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static Set<String> matrixKeys() {
    return AuthorisationMatrix.rows().stream()
        .map(Row::key)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
