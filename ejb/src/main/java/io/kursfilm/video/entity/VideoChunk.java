package io.kursfilm.video.entity;

import io.kursfilm.kernel.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** One sealed and stored chunk of a resumable upload; its presence is what a resume asks for. */
@Entity
@Table(name = "video_chunk")
@IdClass(VideoChunk.Key.class)
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = VideoChunk.OF_VERSION,
    query =
        "select c.chunkIndex from VideoChunk c where c.versionId = :versionId order by c.chunkIndex")
public class VideoChunk {

  public static final String OF_VERSION = "VideoChunk.ofVersion";

  @Id
  @Column(name = "version_id", length = 36)
  private String versionId;

  @Id
  @Column(name = "chunk_index")
  private int chunkIndex;

  private long size;

  protected VideoChunk() {}

  public VideoChunk(String versionId, int index, long size) {
    this.versionId = versionId;
    this.chunkIndex = index;
    this.size = size;
  }

  /** Composite primary key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String versionId;
    int chunkIndex;

    public Key() {}

    public Key(String versionId, int chunkIndex) {
      this.versionId = versionId;
      this.chunkIndex = chunkIndex;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.versionId.equals(versionId) && k.chunkIndex == chunkIndex;
    }

    @Override
    public int hashCode() {
      return versionId.hashCode() * 31 + chunkIndex;
    }
  }
}
