/**
 * Checks of the production manifests under {@code infra/deploy/}: the Kubernetes documents against
 * the Kubernetes API model, the compose file against the compose schema, and both against the
 * application's configuration keys. Plain unit tests: no cluster, no Docker engine, no network.
 */
package io.kursfilm.web.deploy;
