package io.kursfilm.web.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The {@code KURSFILM_*} variables of the manifests and the compose file against the application's
 * configuration keys: each is a key that exists (so a renamed key fails here, not silently in
 * production), and every required key is set for the app nodes and the workers.
 */
class DeploymentConfigKeysTest {

  private final ConfigKeys keys = ConfigKeys.load();

  @Test
  void the_keys_are_read_from_the_defaults_file_and_the_readme() {
    assertTrue(keys.all().contains("kursfilm.s3.max-connections"));
    assertTrue(keys.all().contains("kursfilm.keystore.vault-token"), "commented keys count");
    assertEquals(Set.of("kursfilm.db.password", "kursfilm.s3.secret-key"), keys.required());
    assertEquals(
        "KURSFILM_S3_MAX_CONNECTIONS", ConfigKeys.environmentName("kursfilm.s3.max-connections"));
    assertFalse(keys.isKey("KURSFILM_S3_SECRETKEY"), "a renamed variable is not a key");
  }

  @Test
  void every_kursfilm_variable_of_the_kubernetes_manifests_is_a_key() throws IOException {
    Map<String, Set<String>> variables = kubernetesVariables();
    assertFalse(variables.isEmpty());
    assertUnknown(variables);
  }

  @Test
  void every_kursfilm_variable_of_the_compose_file_is_a_key() throws IOException {
    Map<String, Set<String>> variables = composeVariables();
    assertFalse(variables.isEmpty());
    assertUnknown(variables);
  }

  @Test
  void every_required_key_is_set_for_app_and_workers_in_kubernetes() throws IOException {
    Map<String, Set<String>> variables = kubernetesVariables();
    for (String workload : List.of("kursfilm-app", "kursfilm-worker")) {
      assertRequired(workload, variables.getOrDefault(workload, Set.of()));
    }
  }

  @Test
  void every_required_key_is_set_for_app_and_workers_in_compose() throws IOException {
    JsonNode services = ComposeServices.resolved().path("services");
    int checked = 0;
    for (var it = services.fields(); it.hasNext(); ) {
      var service = it.next();
      String image = service.getValue().path("image").asText();
      if (image.contains("kursfilm/app:") || image.contains("kursfilm/worker:")) {
        Set<String> names = new TreeSet<>();
        service.getValue().path("environment").fieldNames().forEachRemaining(names::add);
        assertRequired(service.getKey(), names);
        checked++;
      }
    }
    assertTrue(checked >= 4, "app and worker services: " + checked);
  }

  private void assertUnknown(Map<String, Set<String>> variablesByPlace) {
    Map<String, Set<String>> unknown = new TreeMap<>();
    variablesByPlace.forEach(
        (place, names) ->
            names.stream()
                .filter(n -> n.startsWith("KURSFILM_") && !keys.isKey(n))
                .forEach(n -> unknown.computeIfAbsent(place, p -> new TreeSet<>()).add(n)));
    assertEquals(Map.of(), unknown, "variables that are no configuration key");
  }

  private void assertRequired(String place, Set<String> names) {
    for (String key : keys.required()) {
      assertTrue(
          names.contains(ConfigKeys.environmentName(key)),
          place + " lacks " + ConfigKeys.environmentName(key));
    }
  }

  /** Variables per workload (Deployment, StatefulSet, Job, CronJob), from env and envFrom. */
  private static Map<String, Set<String>> kubernetesVariables() throws IOException {
    Map<String, Set<String>> configMapKeys = new HashMap<>();
    List<JsonNode> documents = DeployFiles.resourceDocuments();
    for (JsonNode document : documents) {
      if (document.path("kind").asText().equals("ConfigMap")) {
        Set<String> names = new TreeSet<>();
        document.path("data").fieldNames().forEachRemaining(names::add);
        configMapKeys.put(document.at("/metadata/name").asText(), names);
      }
    }
    Map<String, Set<String>> variables = new TreeMap<>();
    for (JsonNode document : documents) {
      Set<String> names = new TreeSet<>();
      collectContainers(
          document,
          container -> {
            container.path("env").forEach(e -> names.add(e.path("name").asText()));
            container
                .path("envFrom")
                .forEach(
                    from ->
                        names.addAll(
                            configMapKeys.getOrDefault(
                                from.at("/configMapRef/name").asText(), Set.of())));
          });
      if (!names.isEmpty()) {
        variables.put(document.at("/metadata/name").asText(), names);
      }
    }
    return variables;
  }

  private static void collectContainers(
      JsonNode node, java.util.function.Consumer<JsonNode> container) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                if ((e.getKey().equals("containers") || e.getKey().equals("initContainers"))
                    && e.getValue().isArray()) {
                  e.getValue().forEach(container);
                } else {
                  collectContainers(e.getValue(), container);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectContainers(child, container));
    }
  }

  private static Map<String, Set<String>> composeVariables() throws IOException {
    Map<String, Set<String>> variables = new TreeMap<>();
    JsonNode services = ComposeServices.resolved().path("services");
    services
        .fields()
        .forEachRemaining(
            service -> {
              Set<String> names = new TreeSet<>();
              service.getValue().path("environment").fieldNames().forEachRemaining(names::add);
              variables.put(service.getKey(), names);
            });
    return variables;
  }
}
