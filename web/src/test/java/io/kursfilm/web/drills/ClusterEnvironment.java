package io.kursfilm.web.drills;

import io.kursfilm.storage.testing.LocalS3;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two app nodes clustered over Payara's Hazelcast data grid (TCP/IP discovery on loopback), nginx
 * in front of them, two standalone transcoder workers, and a MariaDB and S3 endpoint of their own,
 * under {@code target/cluster}. The app nodes leave transcoding to the workers.
 */
final class ClusterEnvironment implements AutoCloseable {

  private final Path home;
  private final PrivateMariaDb db;
  private final LocalS3 s3;
  private final List<PrivateApp> nodes = new ArrayList<>();
  private final List<WorkerNode> workers = new ArrayList<>();
  private final LoadBalancer balancer;

  private ClusterEnvironment(Path home) {
    this.home = home;
    this.db = new PrivateMariaDb(home.resolve("db"), DrillProcesses.freePort());
    this.s3 = new LocalS3(home.resolve("s3"), DrillProcesses.freePort());
    this.balancer = new LoadBalancer(home.resolve("nginx"), DrillProcesses.freePort());
    Map<String, String> shared = DrillEnvironment.services(db, s3, home);
    shared.put("KURSFILM_BASE_URL", balancer.base().toString());
    // Long, so a video archived on one node stops playing on the other only through the grid's
    // notice, not because the other node's cache expired.
    shared.put("KURSFILM_PLAYBACK_CACHE_TTL", "PT1M");
    Map<String, String> appNode = new HashMap<>(shared);
    appNode.put("KURSFILM_TRANSCODE_WORKERS", "0");
    int gridA = DrillProcesses.freePort();
    int gridB = DrillProcesses.freePort();
    String members = "tcpip:127.0.0.1:" + gridA + ",127.0.0.1:" + gridB;
    String cluster = "kursfilm-it-" + UUID.randomUUID().toString().substring(0, 8);
    int[] grid = {gridA, gridB};
    for (int i = 0; i < 2; i++) {
      String name = "node-" + (char) ('a' + i);
      Map<String, String> c = new HashMap<>(appNode);
      c.put("KURSFILM_TRANSCODE_WORK_DIR", home.resolve(name).resolve("work").toString());
      nodes.add(
          new PrivateApp(
              home.resolve(name),
              DrillProcesses.freePort(),
              c,
              List.of(
                  "--name",
                  name,
                  "--clustername",
                  cluster,
                  "--clustermode",
                  members,
                  "--startport",
                  String.valueOf(grid[i]),
                  "--interfaces",
                  "127.0.0.1",
                  // One machine: without this the grid keeps no backup of a session on a member
                  // with the same address, and a dead node's sessions would be lost.
                  "--nohostaware")));
      workers.add(new WorkerNode(home.resolve("worker-" + (i + 1)), shared));
    }
  }

  static ClusterEnvironment start() throws Exception {
    Path home = Path.of(System.getProperty("kursfilm.it.war")).resolveSibling("cluster");
    DrillProcesses.deleteTree(home);
    Files.createDirectories(home.resolve("keys"));
    ClusterEnvironment env = new ClusterEnvironment(home.toAbsolutePath());
    env.db.create();
    env.s3.start();
    // One after the other: the first migrates the schema and seeds the demo tenants.
    for (PrivateApp node : env.nodes) {
      node.start();
    }
    env.balancer.start(env.nodes.stream().map(PrivateApp::port).toList());
    for (WorkerNode worker : env.workers) {
      worker.start();
    }
    return env;
  }

  Path home() {
    return home;
  }

  LocalS3 s3() {
    return s3;
  }

  PrivateApp node(int i) {
    return nodes.get(i);
  }

  WorkerNode worker(int i) {
    return workers.get(i);
  }

  List<WorkerNode> workers() {
    return workers;
  }

  /** Where clients go: nginx. */
  URL base() {
    return balancer.base();
  }

  @Override
  public void close() throws Exception {
    balancer.stop();
    for (WorkerNode worker : workers) {
      worker.stop();
    }
    for (PrivateApp node : nodes) {
      node.stop();
    }
    s3.stop();
    db.stop();
  }
}
