package io.kursfilm.transcoder.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.storage.keys.GatedTenantKeys;
import io.kursfilm.storage.keys.JdbcTenantStates;
import io.kursfilm.storage.keys.KeyStoreSettings;
import io.kursfilm.storage.keys.TenantGate;
import io.kursfilm.storage.keys.TenantKeys;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.sealed.ChunkedUpload;
import io.kursfilm.storage.sealed.SealedChunks;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.storage.testing.LocalS3;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * What the transcode job ITs run against: S3Proxy in a child process, the MariaDB that failsafe
 * names (migrated with the application's own migrations), a local key store with one fresh tenant
 * (an ACTIVE row in the tenant table, whose state gates its keys as in the application), sealed
 * uploads of generated clips with their UPLOADED version rows, and the outcomes jobs reported
 * (nothing applies them here: that is the application's part).
 */
public final class JobTestbed implements AutoCloseable {

  /** Chunk size of the sealed originals, as the worker is configured in the tests. */
  public static final int CHUNK_SIZE = 1 << 20;

  public final Path dir;
  public final String tenant = UUID.randomUUID().toString();
  public final LocalS3 s3;
  public final MariaDbDataSource db;
  public final ObjectStore store;
  public final SealedObjects sealed;
  public final SealedChunks chunks;

  /** The gate behind {@link #sealed}, reading the tenant table as the application's does. */
  public final TenantGate gate;

  /** Seals and opens fields over the gated keys, as the application's and the worker's does. */
  public final FieldCipher cipher;

  private final TenantKeys keys;

  private JobTestbed(Path dir, LocalS3 s3, MariaDbDataSource db, TenantKeys keys) throws Exception {
    this.dir = dir;
    this.s3 = s3;
    this.db = db;
    this.keys = keys;
    this.store = new ObjectStore(s3.settings("kursfilm"));
    this.gate = new TenantGate(new JdbcTenantStates(db), TenantGate.MAX_TTL, Clock.systemUTC());
    this.sealed = new SealedObjects(store, new GatedTenantKeys(keys, gate));
    this.cipher =
        new FieldCipher(new GatedTenantKeys(keys, gate), Duration.ofMinutes(1), Clock.systemUTC());
    this.chunks = new SealedChunks(sealed, store, CHUNK_SIZE);
    addTenant(tenant);
  }

  /** Creates one more ACTIVE tenant with its key and bucket; returns its id. */
  public String addTenant() throws Exception {
    return addTenant(UUID.randomUUID().toString());
  }

  private String addTenant(String id) throws Exception {
    keys.create(id);
    store.ensureBucket(id);
    try (Connection c = db.getConnection()) {
      update(
          c,
          "INSERT INTO tenant (id, slug, name, state, created_at) VALUES (?, ?, ?, 'ACTIVE', ?)",
          id,
          "job-" + id.substring(0, 8),
          "Job test",
          Timestamp.from(Instant.now()));
    }
    return id;
  }

  /** Sets the tenant's state in the database directly, as another node's shred would. */
  public void setState(String tenantId, String state) throws Exception {
    try (Connection c = db.getConnection()) {
      assertEquals(1, update(c, "UPDATE tenant SET state = ? WHERE id = ?", state, tenantId));
    }
  }

  public static JobTestbed start(Path dir) throws Exception {
    LocalS3 s3 = new LocalS3(dir.resolve("s3"), 0).start();
    MariaDbDataSource db = new MariaDbDataSource(System.getProperty("kursfilm.it.db.url"));
    db.setUser(System.getProperty("kursfilm.it.db.user"));
    db.setPassword(System.getProperty("kursfilm.it.db.password"));
    Flyway.configure()
        .dataSource(db)
        .locations("filesystem:" + System.getProperty("kursfilm.it.migrations"))
        .cleanDisabled(false)
        .load()
        .migrate();
    return new JobTestbed(dir, s3, db, keyStore(dir).open());
  }

  /** The key store below {@code dir}, as the worker process opens it too. */
  public static KeyStoreSettings keyStore(Path dir) {
    return new KeyStoreSettings(
        dir.resolve("keys"),
        Optional.empty(),
        true,
        Optional.empty(),
        Optional.empty(),
        Duration.ofMinutes(5));
  }

  /**
   * Seals {@code clip} as the original of a new video's first version and records both rows, the
   * version UPLOADED; returns the version's id (a first version has its video's).
   */
  public String upload(Path clip) throws Exception {
    String videoId = UUID.randomUUID().toString();
    ChunkedUpload upload;
    try (InputStream in = Files.newInputStream(clip)) {
      upload = chunks.putAll(tenant, VideoObjects.original(videoId), in, Long.MAX_VALUE);
    }
    insertVersion(videoId, "UPLOADED", upload.size(), Instant.now());
    return videoId;
  }

  /**
   * Records a video and its first version in {@code state}, with an original of {@code size} bytes
   * (its chunks are the caller's), last changed at {@code updated}.
   */
  public void insertVersion(String videoId, String state, long size, Instant updated)
      throws Exception {
    Timestamp at = Timestamp.from(updated);
    String owner = UUID.randomUUID().toString();
    try (Connection c = db.getConnection()) {
      update(
          c,
          "INSERT INTO video (id, tenant_id, owner_id, latest_version_id, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?)",
          videoId,
          tenant,
          owner,
          videoId,
          at,
          at);
      update(
          c,
          "INSERT INTO video_version (id, tenant_id, video_id, number, uploader_id, title, state,"
              + " declared_size, chunk_size, original_size, created_at, updated_at)"
              + " VALUES (?, ?, ?, 1, ?, 'Job test', ?, ?, ?, ?, ?, ?)",
          videoId,
          tenant,
          videoId,
          owner,
          state,
          size,
          CHUNK_SIZE,
          "UPLOADING".equals(state) ? null : size,
          at,
          at);
    }
  }

  /** A column of the version row, or null when the row is gone. */
  public String column(String versionId, String column) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT " + column + " FROM video_version WHERE tenant_id = ? AND id = ?")) {
      s.setString(1, tenant);
      s.setString(2, versionId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  /** The version row as the application last wrote it: what no job may change. */
  public String row(String versionId) throws Exception {
    return String.join(
        "|",
        column(versionId, "state"),
        column(versionId, "progress"),
        column(versionId, "rendition"),
        column(versionId, "job_claim"),
        column(versionId, "media_sha256"),
        column(versionId, "updated_at"),
        column(versionId, "version"));
  }

  /**
   * Opens a media hash a job reported for {@code versionId}: sealed (f2) and bound as the version's
   * own column, so the application can store it as it is.
   */
  public String openMediaHash(String versionId, String sealedHash) {
    if (!FieldCipher.isRowBound(sealedHash)) {
      throw new AssertionError("media hash not sealed to its row: " + sealedHash);
    }
    return cipher.decrypt(
        tenant,
        new FieldCipher.Row(Published.HASH_TABLE, versionId),
        Published.HASH_COLUMN,
        sealedHash);
  }

  /** An outcome a job reported, as the outbox holds it. */
  public record Outcome(
      long id,
      String claim,
      OutcomeKind kind,
      String reason,
      String rendition,
      Long durationMs,
      Integer height,
      String mediaSha256,
      Integer percent) {}

  /** The version's outcomes waiting for the application, in the order they were reported. */
  public List<Outcome> outcomes(String versionId) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, claim, kind, reason, rendition, duration_ms, height, media_sha256,"
                    + " percent FROM transcode_outcome WHERE tenant_id = ? AND version_id = ?"
                    + " ORDER BY id")) {
      s.setString(1, tenant);
      s.setString(2, versionId);
      List<Outcome> found = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          found.add(
              new Outcome(
                  r.getLong(1),
                  r.getString(2),
                  OutcomeKind.valueOf(r.getString(3)),
                  r.getString(4),
                  r.getString(5),
                  r.getObject(6, Long.class),
                  r.getObject(7, Integer.class),
                  r.getString(8),
                  r.getObject(9, Integer.class)));
        }
      }
      return found;
    }
  }

  /** The detail of the version's FAILED outcome; fails when there is none. */
  public String failureDetail(String versionId) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT detail FROM transcode_outcome WHERE tenant_id = ? AND version_id = ?"
                    + " AND kind = 'FAILED'")) {
      s.setString(1, tenant);
      s.setString(2, versionId);
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next(), "no FAILED outcome: " + kinds(versionId));
        return r.getString(1);
      }
    }
  }

  /** The kinds of the version's outcomes, in order. */
  public List<OutcomeKind> kinds(String versionId) throws Exception {
    return outcomes(versionId).stream().map(Outcome::kind).toList();
  }

  /** The version's single outcome of {@code kind}. */
  public Outcome outcome(String versionId, OutcomeKind kind) throws Exception {
    List<Outcome> found = outcomes(versionId).stream().filter(o -> o.kind() == kind).toList();
    assertEquals(1, found.size(), "one " + kind + " in " + found);
    return found.get(0);
  }

  /** Waits until the version has an outcome of {@code kind}. */
  public Outcome await(String versionId, OutcomeKind kind, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!kinds(versionId).contains(kind)) {
      assertTrue(System.nanoTime() < deadline, "never " + kind + ", only " + kinds(versionId));
      Thread.sleep(250);
    }
    return outcome(versionId, kind);
  }

  /** Marks the version cancelled, as the UI does. */
  public void requestCancel(String versionId) throws Exception {
    try (Connection c = db.getConnection()) {
      assertEquals(
          1,
          update(
              c,
              "UPDATE video_version SET cancel_requested = TRUE WHERE tenant_id = ? AND id = ?",
              tenant,
              versionId));
    }
  }

  private static int update(Connection c, String sql, Object... parameters) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      return s.executeUpdate();
    }
  }

  @Override
  public void close() throws Exception {
    s3.stop();
  }
}
