package io.kursfilm.video.entity;

import io.kursfilm.kernel.InstantConverter;
import io.kursfilm.kernel.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** WebVTT captions of a video in one language; the text itself is sealed in the object store. */
@Entity
@Table(name = "video_caption")
@IdClass(VideoCaption.Key.class)
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = VideoCaption.OF_VIDEO,
    query = "select c from VideoCaption c where c.videoId = :videoId order by c.language")
public class VideoCaption {

  public static final String OF_VIDEO = "VideoCaption.ofVideo";

  @Id
  @Column(name = "video_id", length = 36)
  private String videoId;

  @Id private String language;

  private String label;

  @Column(name = "created_at")
  @Convert(converter = InstantConverter.class)
  private Instant createdAt;

  protected VideoCaption() {}

  public VideoCaption(String videoId, String language, String label, Instant now) {
    this.videoId = videoId;
    this.language = language;
    this.label = label;
    this.createdAt = now;
  }

  public void relabel(String label, Instant now) {
    this.label = label;
    this.createdAt = now;
  }

  public String language() {
    return language;
  }

  public String label() {
    return label;
  }

  /** Composite primary key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String videoId;
    String language;

    public Key() {}

    public Key(String videoId, String language) {
      this.videoId = videoId;
      this.language = language;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.videoId.equals(videoId) && k.language.equals(language);
    }

    @Override
    public int hashCode() {
      return Objects.hash(videoId, language);
    }
  }
}
