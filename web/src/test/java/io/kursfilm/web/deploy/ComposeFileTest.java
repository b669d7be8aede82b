package io.kursfilm.web.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code infra/deploy/compose.yaml}: valid for docker-compose with the example environment file,
 * which names every variable the file requires, and the same topology as the Kubernetes form.
 */
class ComposeFileTest {

  private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?");
  private static final Pattern ANY_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)");

  @Test
  void compose_file_is_valid_with_the_example_environment() throws IOException {
    DockerCompose.Result result =
        DockerCompose.config(DeployFiles.COMPOSE, DeployFiles.COMPOSE_ENV_EXAMPLE, true);
    assertEquals(0, result.exitCode(), result.output());
  }

  @Test
  void a_misspelt_option_fails_the_validation(@TempDir Path dir) throws IOException {
    String broken =
        Files.readString(DeployFiles.COMPOSE).replace("stop_grace_period:", "stop_grace_periods:");
    Path copy = dir.resolve("compose.yaml");
    Files.writeString(copy, broken);
    DockerCompose.Result result = DockerCompose.config(copy, DeployFiles.COMPOSE_ENV_EXAMPLE, true);
    assertNotEquals(0, result.exitCode());
    assertTrue(result.output().contains("stop_grace_periods"), result.output());
  }

  @Test
  void the_example_environment_names_exactly_the_variables_the_file_uses() throws IOException {
    String compose = Files.readString(DeployFiles.COMPOSE);
    Set<String> required = matches(REQUIRED_VARIABLE, compose);
    Set<String> used = matches(ANY_VARIABLE, compose);
    Set<String> example = new TreeSet<>();
    for (String line : Files.readAllLines(DeployFiles.COMPOSE_ENV_EXAMPLE)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        example.add(line.substring(0, line.indexOf('=')));
      }
    }
    assertTrue(example.containsAll(required), "missing in .env.example: " + required);
    assertTrue(used.containsAll(example), "unused in compose.yaml: " + example);
  }

  @Test
  void the_same_topology_as_the_kubernetes_form() throws IOException {
    JsonNode services = ComposeServices.resolved().path("services");
    List<String> minio = new ArrayList<>();
    int apps = 0;
    int workers = 0;
    for (var it = services.fields(); it.hasNext(); ) {
      var service = it.next();
      String image = service.getValue().path("image").asText();
      if (image.contains("/minio/minio:")) {
        minio.add(service.getKey());
        assertTrue(
            service.getValue().path("command").toString().contains("https://minio{1...4}:9000"),
            "every MinIO node serves the same 4-node pool");
      }
      apps += image.contains("kursfilm/app:") ? 1 : 0;
      workers += image.contains("kursfilm/worker:") ? 1 : 0;
    }
    assertEquals(4, minio.size(), "MinIO nodes: " + minio);
    assertTrue(apps >= 2, "app nodes: " + apps);
    assertTrue(workers >= 2, "workers: " + workers);
    for (String name : List.of("mariadb-primary", "mariadb-replica", "vault", "nginx")) {
      assertTrue(services.has(name), "service " + name);
    }
    assertEquals(
        "mariadb-primary",
        services.at("/mariadb-replica/environment/MARIADB_MASTER_HOST").asText());
  }

  private static Set<String> matches(Pattern pattern, String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
