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
    name = VideoChunk.OF_VIDEO,
    query =
        "select c.chunkIndex from VideoChunk c where c.videoId = :videoId order by c.chunkIndex")
public class VideoChunk {

  public static final String OF_VIDEO = "VideoChunk.ofVideo";

  @Id
  @Column(name = "video_id", length = 36)
  private String videoId;

  @Id
  @Column(name = "chunk_index")
  private int chunkIndex;

  private long size;

  protected VideoChunk() {}

  public VideoChunk(String videoId, int index, long size) {
    this.videoId = videoId;
    this.chunkIndex = index;
    this.size = size;
  }

  /** Composite primary key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String videoId;
    int chunkIndex;

    public Key() {}

    public Key(String videoId, int chunkIndex) {
      this.videoId = videoId;
      this.chunkIndex = chunkIndex;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.videoId.equals(videoId) && k.chunkIndex == chunkIndex;
    }

    @Override
    public int hashCode() {
      return videoId.hashCode() * 31 + chunkIndex;
    }
  }
}
