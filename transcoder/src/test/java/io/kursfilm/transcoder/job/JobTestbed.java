package io.kursfilm.transcoder.job;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.storage.keys.KeyStoreSettings;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * What the transcode job ITs run against: S3Proxy in a child process, the MariaDB that failsafe
 * names (migrated with the application's own migrations), a local key store with one fresh tenant,
 * and sealed uploads of generated clips with their UPLOADED video rows.
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

  private JobTestbed(Path dir, LocalS3 s3, MariaDbDataSource db, TenantKeys keys) {
    this.dir = dir;
    this.s3 = s3;
    this.db = db;
    keys.create(tenant);
    this.store = new ObjectStore(s3.settings("kursfilm"));
    store.ensureBucket(tenant);
    this.sealed = new SealedObjects(store, keys);
    this.chunks = new SealedChunks(sealed, store, CHUNK_SIZE);
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

  /** Seals {@code clip} as a new video's original and records it as UPLOADED; returns its id. */
  public String upload(Path clip) throws Exception {
    String videoId = UUID.randomUUID().toString();
    ChunkedUpload upload;
    try (InputStream in = Files.newInputStream(clip)) {
      upload = chunks.putAll(tenant, VideoObjects.original(videoId), in, Long.MAX_VALUE);
    }
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO video (id, tenant_id, uploader_id, title, state, declared_size,"
                    + " chunk_size, original_size, created_at, updated_at)"
                    + " VALUES (?, ?, ?, 'Job test', 'UPLOADED', ?, ?, ?, ?, ?)")) {
      s.setString(1, videoId);
      s.setString(2, tenant);
      s.setString(3, UUID.randomUUID().toString());
      s.setLong(4, upload.size());
      s.setInt(5, CHUNK_SIZE);
      s.setLong(6, upload.size());
      s.setTimestamp(7, now);
      s.setTimestamp(8, now);
      s.executeUpdate();
    }
    return videoId;
  }

  /** A column of the video row, or null when the row is gone. */
  public String column(String videoId, String column) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT " + column + " FROM video WHERE tenant_id = ? AND id = ?")) {
      s.setString(1, tenant);
      s.setString(2, videoId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  /** Waits until the video row's {@code column} holds {@code value}. */
  public void await(String videoId, String column, String value, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!value.equals(column(videoId, column))) {
      assertTrue(
          System.nanoTime() < deadline,
          column + " never " + value + ", now " + column(videoId, column));
      Thread.sleep(250);
    }
  }

  @Override
  public void close() throws Exception {
    s3.stop();
  }
}
