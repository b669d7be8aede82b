package io.kursfilm.learning.entity;

import io.kursfilm.kernel.InstantConverter;
import io.kursfilm.kernel.PersonalData;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.storage.field.FieldCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * An ordered playlist of videos that trainers manage; its videos are {@link CourseVideo} rows.
 * Title and description are tenant content, sealed under the tenant's key and bound to this row.
 */
@Entity
@Table(name = "course")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(name = Course.ALL, query = "select c from Course c order by c.createdAt")
@NamedQuery(name = Course.BY_IDS, query = "select c from Course c where c.id in :ids")
public class Course {

  public static final String ALL = "Course.all";
  public static final String BY_IDS = "Course.byIds";

  private static final String TABLE = "course";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "title")
  private String titleSealed;

  @Column(name = "description")
  private String descriptionSealed;

  @Transient private String title;
  @Transient private String description;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at")
  @Convert(converter = InstantConverter.class)
  private Instant createdAt;

  protected Course() {}

  public Course(String title, String description, String createdBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    describe(title, description);
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  public void describe(String title, String description) {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title: required");
    }
    this.title = title.strip();
    this.description = description == null || description.isBlank() ? null : description.strip();
    seal();
  }

  @PrePersist
  @PreUpdate
  void seal() {
    FieldCipher.Row row = new FieldCipher.Row(TABLE, id);
    titleSealed = PersonalData.seal("title", row, title);
    descriptionSealed =
        description == null ? null : PersonalData.seal("description", row, description);
  }

  @PostLoad
  void open() {
    FieldCipher.Row row = new FieldCipher.Row(TABLE, id);
    title = PersonalData.open("title", row, titleSealed);
    description =
        descriptionSealed == null ? null : PersonalData.open("description", row, descriptionSealed);
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
