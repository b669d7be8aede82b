package io.kursfilm.transcoder.worker;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The worker's settings, under the application's MicroProfile Config names: a system property
 * {@code kursfilm.s3.endpoint} or the environment variable {@code KURSFILM_S3_ENDPOINT}, as
 * MicroProfile Config maps them. Defaults equal the application's; connections and secrets have
 * none.
 */
final class WorkerSettings {

  private final Function<String, String> env;

  WorkerSettings(Function<String, String> env) {
    this.env = env;
  }

  static WorkerSettings fromSystem() {
    return new WorkerSettings(System::getenv);
  }

  Optional<String> optional(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      value = env.apply(name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
    }
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }

  String required(String name) {
    return optional(name)
        .orElseThrow(() -> new IllegalArgumentException("setting " + name + " is required"));
  }

  String get(String name, String fallback) {
    return optional(name).orElse(fallback);
  }

  int integer(String name, int fallback) {
    return optional(name).map(Integer::parseInt).orElse(fallback);
  }

  long number(String name, long fallback) {
    return optional(name).map(Long::parseLong).orElse(fallback);
  }

  Duration duration(String name, Duration fallback) {
    return optional(name).map(Duration::parse).orElse(fallback);
  }
}
