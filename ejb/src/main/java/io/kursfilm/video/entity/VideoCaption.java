package io.kursfilm.video.entity;

import io.kursfilm.kernel.InstantConverter;
import io.kursfilm.kernel.PersonalData;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.storage.field.FieldCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * WebVTT captions of one version of a video in one language; the text itself is sealed in the
 * object store. The label is tenant content too, and the text's hash a fingerprint of it: both are
 * sealed under the tenant's key and bound to this row (version and language) before it is written.
 */
@Entity
@Table(name = "video_caption")
@IdClass(VideoCaption.Key.class)
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = VideoCaption.OF_VERSION,
    query = "select c from VideoCaption c where c.versionId = :versionId order by c.language")
@NamedQuery(
    name = VideoCaption.OF_VERSIONS,
    query = "select c from VideoCaption c where c.versionId in :versionIds order by c.language")
@NamedQuery(
    name = VideoCaption.PLAINTEXT_LABELS,
    query =
        "select c from VideoCaption c where c.labelSealed not like 'f2:%'"
            + " or c.contentSha256Sealed not like 'f2:%'")
public class VideoCaption {

  public static final String OF_VERSION = "VideoCaption.ofVersion";
  public static final String OF_VERSIONS = "VideoCaption.ofVersions";

  /** Captions whose label is not sealed to its row yet (written before V16). */
  public static final String PLAINTEXT_LABELS = "VideoCaption.plaintextLabels";

  private static final String TABLE = "video_caption";
  private static final String LABEL_FIELD = "label";
  private static final String CONTENT_HASH_FIELD = "content_sha256";

  @Id
  @Column(name = "version_id", length = 36)
  private String versionId;

  @Id private String language;

  @Column(name = "label")
  private String labelSealed;

  @Transient private String label;

  /** Whether {@link #labelSealed} holds the current label, bound to this row. */
  @Transient private boolean labelIsSealed;

  /** Hex SHA-256 of the WebVTT text; an approval names the caption set by these. */
  @Column(name = "content_sha256")
  private String contentSha256Sealed;

  @Transient private String contentSha256;

  @Column(name = "created_at")
  @Convert(converter = InstantConverter.class)
  private Instant createdAt;

  protected VideoCaption() {}

  public VideoCaption(
      String versionId, String language, String label, String contentSha256, Instant now) {
    this.versionId = versionId;
    this.language = language;
    this.label = label;
    this.contentSha256 = contentSha256;
    this.createdAt = now;
  }

  /** The same captions in a new version of the video (its sealed text is copied by the caller). */
  public VideoCaption copyTo(String otherVersionId) {
    return new VideoCaption(otherVersionId, language, label, contentSha256, createdAt);
  }

  public void replace(String label, String contentSha256, Instant now) {
    this.label = label;
    this.labelIsSealed = false;
    this.contentSha256 = contentSha256;
    this.createdAt = now;
  }

  @PrePersist
  @PreUpdate
  void sealLabel() {
    if (!labelIsSealed) {
      sealPlaintext();
    }
  }

  /** Seals the label to this row now; the start-up sealing calls it on rows of before V16. */
  public void sealPlaintext() {
    labelSealed = PersonalData.seal(LABEL_FIELD, row(), label);
    contentSha256Sealed = PersonalData.seal(CONTENT_HASH_FIELD, row(), contentSha256);
    labelIsSealed = true;
  }

  @PostLoad
  void openLabel() {
    label = PersonalData.openOrPlain(LABEL_FIELD, row(), labelSealed);
    contentSha256 = PersonalData.openOrPlain(CONTENT_HASH_FIELD, row(), contentSha256Sealed);
    labelIsSealed =
        FieldCipher.isRowBound(labelSealed)
            && (contentSha256Sealed == null || FieldCipher.isRowBound(contentSha256Sealed));
  }

  private FieldCipher.Row row() {
    return new FieldCipher.Row(TABLE, versionId + "/" + language);
  }

  public String versionId() {
    return versionId;
  }

  public String language() {
    return language;
  }

  public String label() {
    return label;
  }

  /** Empty for captions stored before their hash was recorded. */
  public String contentSha256() {
    return contentSha256 == null ? "" : contentSha256;
  }

  /** Composite primary key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String versionId;
    String language;

    public Key() {}

    public Key(String versionId, String language) {
      this.versionId = versionId;
      this.language = language;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.versionId.equals(versionId) && k.language.equals(language);
    }

    @Override
    public int hashCode() {
      return Objects.hash(versionId, language);
    }
  }
}
