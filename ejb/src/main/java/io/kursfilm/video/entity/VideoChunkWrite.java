package io.kursfilm.video.entity;

import io.kursfilm.kernel.InstantConverter;
import io.kursfilm.kernel.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A chunk write under way: registered before the bytes stream and removed when they are stored or
 * the write failed. While one is fresh the upload cannot be completed, so no chunk lands in the
 * original after its upload was closed. A row left by a crashed node goes stale and stops counting.
 */
@Entity
@Table(name = "video_chunk_write")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = VideoChunkWrite.OF_VERSION,
    query = "select w from VideoChunkWrite w where w.versionId = :versionId")
public class VideoChunkWrite {

  public static final String OF_VERSION = "VideoChunkWrite.ofVersion";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "version_id", length = 36)
  private String versionId;

  @Column(name = "chunk_index")
  private int chunkIndex;

  @Column(name = "started_at")
  @Convert(converter = InstantConverter.class)
  private Instant startedAt;

  protected VideoChunkWrite() {}

  public VideoChunkWrite(String versionId, int chunkIndex, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.versionId = versionId;
    this.chunkIndex = chunkIndex;
    this.startedAt = now;
  }

  /**
   * Whether the write may still be storing bytes, given that none lasts longer than {@code max}.
   */
  public boolean mayStillStore(Instant now, Duration max) {
    return startedAt.plus(max).isAfter(now);
  }

  public String id() {
    return id;
  }

  public int chunkIndex() {
    return chunkIndex;
  }
}
