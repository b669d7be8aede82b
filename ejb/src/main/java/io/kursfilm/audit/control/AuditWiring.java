package io.kursfilm.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the checkpoint signer from the key store directory, once per application. */
@ApplicationScoped
public class AuditWiring {

  @Inject
  @ConfigProperty(name = "kursfilm.keystore.dir")
  String keyStoreDir;

  @Produces
  @Singleton
  CheckpointSigner checkpointSigner() {
    return new CheckpointSigner(Path.of(keyStoreDir));
  }
}
