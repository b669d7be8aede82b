package io.kursfilm.web.drills;

import io.kursfilm.web.testing.RestClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code /health/ready} says, and how long it takes to say it: the drills time how quickly
 * readiness reports an outage (naming the failing check) and the recovery.
 *
 * @param status HTTP status, -1 when the app did not answer
 * @param down names of the checks reported DOWN
 */
record Readiness(int status, Set<String> down) {

  static Readiness of(RestClient api) {
    try {
      RestClient.Reply reply = api.get("/health/ready", null);
      Set<String> down = new TreeSet<>();
      if (reply.body() != null && reply.body().startsWith("{")) {
        JsonObject json = reply.json();
        if (json.containsKey("checks")) {
          for (JsonValue c : json.getJsonArray("checks")) {
            JsonObject check = c.asJsonObject();
            if (!"UP".equals(check.getString("status", ""))) {
              down.add(check.getString("name", "?"));
            }
          }
        }
      }
      return new Readiness(reply.status(), down);
    } catch (Exception noAnswer) {
      return new Readiness(-1, Set.of());
    }
  }

  boolean up() {
    return status == 200;
  }

  /** Seconds until readiness is 503 naming {@code check}; fails after {@code limit}. */
  static double awaitDown(RestClient api, String check, Duration limit)
      throws InterruptedException {
    long t0 = System.nanoTime();
    Readiness last = null;
    while (System.nanoTime() - t0 < limit.toNanos()) {
      last = of(api);
      if (last.status() == 503 && last.down().contains(check)) {
        return seconds(t0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("readiness did not report " + check + " down; last " + last);
  }

  /** Seconds until readiness is 200 again; fails after {@code limit}. */
  static double awaitUp(RestClient api, Duration limit) throws InterruptedException {
    long t0 = System.nanoTime();
    Readiness last = null;
    while (System.nanoTime() - t0 < limit.toNanos()) {
      last = of(api);
      if (last.up()) {
        return seconds(t0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("readiness did not recover; last " + last);
  }

  static double seconds(long sinceNanos) {
    return Math.round((System.nanoTime() - sinceNanos) / 1e8) / 10.0;
  }
}
