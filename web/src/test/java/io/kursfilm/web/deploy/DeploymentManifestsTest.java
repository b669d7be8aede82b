package io.kursfilm.web.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests under {@code infra/deploy/kubernetes}: every document is a valid
 * resource of the Kubernetes API model (strictly: no unknown field), kustomization lists them all,
 * secrets are only referenced, and what one document names (a ConfigMap key, a Secret, a Service's
 * pods, a claim) exists.
 */
class DeploymentManifestsTest {

  private final StrictKubernetesReader reader = new StrictKubernetesReader();

  @Test
  void every_document_reads_strictly_into_the_kubernetes_model() throws IOException {
    List<String> failures = new ArrayList<>();
    int read = 0;
    for (Path file : DeployFiles.kubernetesFiles()) {
      if (DeployFiles.isKustomization(file)) {
        continue;
      }
      for (JsonNode document : DeployFiles.documents(file)) {
        try {
          HasMetadata resource = reader.read(document);
          assertFalse(
              resource.getMetadata().getName().isBlank(), file + ": a resource without name");
          read++;
        } catch (IOException e) {
          failures.add(file.getFileName() + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(read >= 20, "read only " + read + " documents");
  }

  @Test
  void a_misspelt_or_misplaced_field_is_refused() throws IOException {
    JsonNode app = workload("kursfilm-app");
    reader.read(app); // the original reads

    ObjectNode misspelt = app.deepCopy();
    ObjectNode container = (ObjectNode) misspelt.at("/spec/template/spec/containers/0");
    container.set("readinesProbe", container.remove("readinessProbe"));
    assertThrows(IOException.class, () -> reader.read(misspelt));

    ObjectNode misplaced = app.deepCopy();
    ((ObjectNode) misplaced.at("/spec")).put("image", "elsewhere:1");
    assertThrows(IOException.class, () -> reader.read(misplaced));

    ObjectNode wrongType = app.deepCopy();
    ((ObjectNode) wrongType.at("/spec")).put("replicas", "two");
    assertThrows(IOException.class, () -> reader.read(wrongType));
  }

  @Test
  void a_duplicate_key_is_refused() {
    String twice = "kind: ConfigMap\nmetadata:\n  name: a\n  name: b\n";
    assertThrows(IOException.class, () -> DeployFiles.YAML.readTree(twice));
  }

  @Test
  void kustomization_lists_every_manifest_and_no_example() throws IOException {
    JsonNode kustomization =
        DeployFiles.documents(DeployFiles.KUBERNETES.resolve("kustomization.yaml")).get(0);
    Set<String> listed = new TreeSet<>();
    kustomization.path("resources").forEach(r -> listed.add(r.asText()));
    Set<String> files =
        DeployFiles.resourceFiles().stream()
            .map(f -> f.getFileName().toString())
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(files, listed);
  }

  @Test
  void secrets_are_referenced_never_committed() throws IOException {
    for (JsonNode document : DeployFiles.resourceDocuments()) {
      assertFalse(
          document.path("kind").asText().equals("Secret"),
          "a Secret in the manifests: " + document.at("/metadata/name").asText());
    }
    for (JsonNode secret : exampleSecrets().values()) {
      secret
          .path("stringData")
          .forEach(
              value ->
                  assertTrue(
                      value.asText().equals("CHANGE-ME"),
                      "the example holds a value: " + secret.at("/metadata/name").asText()));
      assertTrue(secret.path("data").isMissingNode(), "the example must use stringData");
    }
  }

  @Test
  void every_referenced_config_map_secret_and_claim_exists() throws IOException {
    Map<String, Set<String>> configMaps = keysByName(configMaps());
    Map<String, Set<String>> secrets = keysByName(exampleSecrets().values());
    Set<String> claims = new HashSet<>();
    List<String> missing = new ArrayList<>();
    for (JsonNode document : DeployFiles.resourceDocuments()) {
      if (document.path("kind").asText().equals("PersistentVolumeClaim")) {
        claims.add(document.at("/metadata/name").asText());
      }
    }
    for (JsonNode document : DeployFiles.resourceDocuments()) {
      String where = document.path("kind").asText() + " " + document.at("/metadata/name").asText();
      BiConsumer<Map<String, Set<String>>, JsonNode> keyRef =
          (known, ref) -> {
            String name = ref.path("name").asText();
            if (!known.getOrDefault(name, Set.of()).contains(ref.path("key").asText())) {
              missing.add(where + ": " + name + "/" + ref.path("key").asText());
            }
          };
      walk(document, "configMapKeyRef", ref -> keyRef.accept(configMaps, ref));
      walk(document, "secretKeyRef", ref -> keyRef.accept(secrets, ref));
      walk(document, "configMapRef", ref -> requireName(configMaps, ref, where, missing));
      walk(document, "configMap", ref -> requireItems(configMaps, ref, where, missing));
      walk(
          document,
          "secret",
          ref -> {
            ObjectNode named = ref.deepCopy();
            named.put("name", ref.path("secretName").asText());
            requireItems(secrets, named, where, missing);
          });
      walk(
          document,
          "persistentVolumeClaim",
          ref -> {
            if (!claims.contains(ref.path("claimName").asText())) {
              missing.add(where + ": claim " + ref.path("claimName").asText());
            }
          });
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void every_service_and_the_ingress_reach_pods_of_the_manifests() throws IOException {
    List<HasMetadata> resources = new ArrayList<>();
    for (JsonNode document : DeployFiles.resourceDocuments()) {
      resources.add(reader.read(document));
    }
    List<Map<String, String>> podLabels = new ArrayList<>();
    for (HasMetadata resource : resources) {
      PodTemplateSpec template = podTemplate(resource);
      if (template != null) {
        podLabels.add(template.getMetadata().getLabels());
      }
    }
    Map<String, Set<String>> servicePorts = new HashMap<>();
    for (HasMetadata resource : resources) {
      if (resource instanceof Service service) {
        Set<Map.Entry<String, String>> selector = service.getSpec().getSelector().entrySet();
        assertTrue(
            podLabels.stream().anyMatch(labels -> labels.entrySet().containsAll(selector)),
            "service " + service.getMetadata().getName() + " selects no pod");
        servicePorts.put(
            service.getMetadata().getName(),
            service.getSpec().getPorts().stream()
                .map(ServicePort::getName)
                .collect(Collectors.toSet()));
      }
    }
    for (HasMetadata resource : resources) {
      if (resource instanceof Ingress ingress) {
        for (IngressRule rule : ingress.getSpec().getRules()) {
          for (HTTPIngressPath path : rule.getHttp().getPaths()) {
            IngressServiceBackend backend = path.getBackend().getService();
            assertTrue(
                servicePorts
                    .getOrDefault(backend.getName(), Set.of())
                    .contains(backend.getPort().getName()),
                "ingress backend " + backend.getName() + ":" + backend.getPort().getName());
          }
        }
      }
    }
  }

  @Test
  void the_app_runs_two_nodes_with_its_health_probes_and_minio_four() throws IOException {
    Deployment app = (Deployment) reader.read(workload("kursfilm-app"));
    assertTrue(app.getSpec().getReplicas() >= 2);
    Container node = app.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertEquals("/health/ready", node.getReadinessProbe().getHttpGet().getPath());
    assertEquals("/health/live", node.getLivenessProbe().getHttpGet().getPath());

    StatefulSet minio = (StatefulSet) reader.read(workload("minio"));
    assertEquals(4, minio.getSpec().getReplicas());
    String servers =
        String.join(" ", minio.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs());
    assertTrue(servers.contains("https://minio-{0...3}."), servers);
  }

  @Test
  void config_files_of_compose_match_the_config_maps() throws IOException {
    Map<String, Map<String, String>> data = new HashMap<>();
    for (JsonNode map : configMaps()) {
      Map<String, String> entries = new HashMap<>();
      map.path("data")
          .fields()
          .forEachRemaining(e -> entries.put(e.getKey(), e.getValue().asText()));
      data.put(map.at("/metadata/name").asText(), entries);
    }
    Map<String, String> directoryToConfigMap =
        Map.of("vault", "vault", "mariadb", "mariadb", "minio", "minio-setup");
    for (Map.Entry<String, String> pair : directoryToConfigMap.entrySet()) {
      try (var files = Files.list(DeployFiles.DEPLOY.resolve(pair.getKey()))) {
        for (Path file : files.toList()) {
          String name = file.getFileName().toString();
          if (name.equals("vault.hcl")) {
            continue; // compose's own listener and raft addresses
          }
          String inMap = data.get(pair.getValue()).get(name);
          assertEquals(
              Files.readString(file),
              inMap,
              file + " differs from ConfigMap " + pair.getValue() + " key " + name);
        }
      }
    }
  }

  // --- helpers ---

  private static JsonNode workload(String name) throws IOException {
    for (JsonNode document : DeployFiles.resourceDocuments()) {
      String kind = document.path("kind").asText();
      if ((kind.equals("Deployment") || kind.equals("StatefulSet"))
          && document.at("/metadata/name").asText().equals(name)) {
        return document;
      }
    }
    throw new AssertionError("no workload " + name);
  }

  private static List<JsonNode> configMaps() throws IOException {
    List<JsonNode> maps = new ArrayList<>();
    for (JsonNode document : DeployFiles.resourceDocuments()) {
      if (document.path("kind").asText().equals("ConfigMap")) {
        maps.add(document);
      }
    }
    return maps;
  }

  private static Map<String, JsonNode> exampleSecrets() throws IOException {
    Map<String, JsonNode> secrets = new HashMap<>();
    for (JsonNode document :
        DeployFiles.documents(DeployFiles.KUBERNETES.resolve("secrets.example.yaml"))) {
      secrets.put(document.at("/metadata/name").asText(), document);
    }
    return secrets;
  }

  private static Map<String, Set<String>> keysByName(Iterable<JsonNode> objects) {
    Map<String, Set<String>> keys = new HashMap<>();
    for (JsonNode object : objects) {
      Set<String> names = new HashSet<>();
      object.path("data").fieldNames().forEachRemaining(names::add);
      object.path("stringData").fieldNames().forEachRemaining(names::add);
      keys.put(object.at("/metadata/name").asText(), names);
    }
    return keys;
  }

  private static void requireName(
      Map<String, Set<String>> known, JsonNode ref, String where, List<String> missing) {
    if (!known.containsKey(ref.path("name").asText())) {
      missing.add(where + ": " + ref.path("name").asText());
    }
  }

  private static void requireItems(
      Map<String, Set<String>> known, JsonNode ref, String where, List<String> missing) {
    String name = ref.path("name").asText();
    if (!known.containsKey(name)) {
      missing.add(where + ": " + name);
      return;
    }
    ref.path("items")
        .forEach(
            item -> {
              if (!known.get(name).contains(item.path("key").asText())) {
                missing.add(where + ": " + name + "/" + item.path("key").asText());
              }
            });
  }

  /** Calls {@code visit} with every object value of a field called {@code field}, at any depth. */
  private static void walk(JsonNode node, String field, Consumer<JsonNode> visit) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals(field) && e.getValue().isObject()) {
                  visit.accept(e.getValue());
                }
                walk(e.getValue(), field, visit);
              });
    } else if (node.isArray()) {
      node.forEach(child -> walk(child, field, visit));
    }
  }

  private static PodTemplateSpec podTemplate(HasMetadata resource) {
    if (resource instanceof Deployment d) {
      return d.getSpec().getTemplate();
    }
    if (resource instanceof StatefulSet s) {
      return s.getSpec().getTemplate();
    }
    return null;
  }
}
