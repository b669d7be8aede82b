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

/** A group of people managed by tenant admins; its name is sealed under the tenant's key. */
@Entity
@Table(name = "learner_group")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(name = LearnerGroup.ALL, query = "select g from LearnerGroup g order by g.createdAt")
public class LearnerGroup {

  public static final String ALL = "LearnerGroup.all";

  private static final String TABLE = "learner_group";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "name")
  private String nameSealed;

  @Transient private String name;

  @Column(name = "created_at")
  @Convert(converter = InstantConverter.class)
  private Instant createdAt;

  protected LearnerGroup() {}

  public LearnerGroup(String name, Instant now) {
    this.id = UUID.randomUUID().toString();
    rename(name);
    this.createdAt = now;
  }

  public void rename(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name: required");
    }
    if (name.strip().length() > 200) {
      throw new IllegalArgumentException("name: at most 200 characters");
    }
    this.name = name.strip();
    seal();
  }

  @PrePersist
  @PreUpdate
  void seal() {
    nameSealed = PersonalData.seal("name", new FieldCipher.Row(TABLE, id), name);
  }

  @PostLoad
  void open() {
    name = PersonalData.open("name", new FieldCipher.Row(TABLE, id), nameSealed);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
