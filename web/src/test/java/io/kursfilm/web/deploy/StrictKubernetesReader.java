package io.kursfilm.web.deploy;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.util.Map;

/**
 * Reads Kubernetes documents into fabric8's typed API model and refuses any field the model does
 * not know. fabric8's classes collect unknown fields in an "additional properties" map instead of
 * failing, so this reader removes that catch-all from every model class: a misspelt field ({@code
 * readinesProbe}) or one at the wrong level is then an error, as {@code kubectl apply
 * --validate=strict} would report it.
 */
final class StrictKubernetesReader {

  /** The kinds the manifests use, by apiVersion and kind. A new kind is added here on purpose. */
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.ofEntries(
          Map.entry("v1/Namespace", Namespace.class),
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Secret", Secret.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("apps/v1/StatefulSet", StatefulSet.class),
          Map.entry("batch/v1/Job", Job.class),
          Map.entry("batch/v1/CronJob", CronJob.class),
          Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class));

  private final ObjectMapper mapper;

  StrictKubernetesReader() {
    SimpleModule strict = new SimpleModule("strict-kubernetes");
    strict.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public BeanDeserializerBuilder updateBuilder(
              DeserializationConfig config, BeanDescription bean, BeanDeserializerBuilder builder) {
            if (bean.getBeanClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
              builder.setAnySetter(null);
              builder.setIgnoreUnknownProperties(false);
            }
            return builder;
          }
        });
    mapper =
        new ObjectMapper(new YAMLFactory())
            .registerModule(strict)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
  }

  /**
   * One document as its typed resource.
   *
   * @throws IOException when the kind is not one of {@link #KINDS} or a field is unknown or of the
   *     wrong type
   */
  HasMetadata read(JsonNode document) throws IOException {
    String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    Class<? extends HasMetadata> kind = KINDS.get(type);
    if (kind == null) {
      throw new IOException("kind not known to the manifests test: " + type);
    }
    return mapper.treeToValue(document, kind);
  }
}
