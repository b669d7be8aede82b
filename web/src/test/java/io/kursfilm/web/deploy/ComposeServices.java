package io.kursfilm.web.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** The compose file as docker-compose resolves it (anchors merged, example variables filled in). */
final class ComposeServices {

  private ComposeServices() {}

  static JsonNode resolved() throws IOException {
    DockerCompose.Result result =
        DockerCompose.config(DeployFiles.COMPOSE, DeployFiles.COMPOSE_ENV_EXAMPLE, false);
    if (result.exitCode() != 0) {
      throw new IOException("docker-compose config failed: " + result.output());
    }
    return DeployFiles.YAML.readTree(result.output());
  }
}
