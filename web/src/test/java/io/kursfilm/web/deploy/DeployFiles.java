package io.kursfilm.web.deploy;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where the deployment files are, and their YAML documents as trees. */
final class DeployFiles {

  static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
  static final Path DEPLOY = ROOT.resolve("infra/deploy");
  static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
  static final Path COMPOSE = DEPLOY.resolve("compose.yaml");
  static final Path COMPOSE_ENV_EXAMPLE = DEPLOY.resolve(".env.example");

  /** Duplicate keys are errors: in YAML the second silently wins. */
  static final ObjectMapper YAML =
      new ObjectMapper(
              YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private DeployFiles() {}

  /** Every YAML file of the Kubernetes directory, examples included, sorted by name. */
  static List<Path> kubernetesFiles() {
    try (Stream<Path> files = Files.list(KUBERNETES)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isExample(Path file) {
    return file.getFileName().toString().endsWith(".example.yaml");
  }

  static boolean isKustomization(Path file) {
    return file.getFileName().toString().equals("kustomization.yaml");
  }

  /** The resource files: what kustomization.yaml must list (no example, not itself). */
  static List<Path> resourceFiles() {
    return kubernetesFiles().stream().filter(f -> !isExample(f) && !isKustomization(f)).toList();
  }

  /** The documents of one YAML file; empty documents (a trailing ---) are skipped. */
  static List<JsonNode> documents(Path file) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (it.hasNext()) {
        JsonNode document = it.next();
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          documents.add(document);
        }
      }
    }
    return documents;
  }

  /** The documents of all resource files. */
  static List<JsonNode> resourceDocuments() throws IOException {
    List<JsonNode> all = new ArrayList<>();
    for (Path file : resourceFiles()) {
      all.addAll(documents(file));
    }
    return all;
  }
}
