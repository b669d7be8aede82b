package io.kursfilm.learning.entity;

import io.kursfilm.kernel.InstantConverter;
import io.kursfilm.kernel.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A certificate of completion: one per person, assignment and cycle (a recurring assignment has a
 * cycle per renewal), written once and never changed. Its id is the public verification id, 256
 * random bits. Ids and times only: the person's name and the subject's title are rendered into the
 * PDF from their sealed sources when it is downloaded.
 */
@Entity
@Table(name = "certificate")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = Certificate.OF_USER,
    query = "select c from Certificate c where c.userId = :userId order by c.issuedAt desc")
@NamedQuery(
    name = Certificate.OF_CYCLE,
    query =
        "select c from Certificate c where c.userId = :userId and c.assignmentId = :assignmentId"
            + " and c.cycleKey = :cycleKey")
public class Certificate {

  public static final String OF_USER = "Certificate.ofUser";
  public static final String OF_CYCLE = "Certificate.ofCycle";

  public static final String VIDEO = "VIDEO";
  public static final String COURSE = "COURSE";
  private static final Set<String> KINDS = Set.of(VIDEO, COURSE);

  /** 32 random bytes, base64url: 43 characters. */
  private static final int ID_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  @Id
  @Column(length = 43)
  private String id;

  @Column(name = "user_id")
  private String userId;

  @Column(name = "assignment_id")
  private String assignmentId;

  @Column(name = "cycle_key")
  private String cycleKey;

  @Column(name = "subject_kind")
  private String subjectKind;

  @Column(name = "subject_id")
  private String subjectId;

  @Column(name = "completed_at")
  @Convert(converter = InstantConverter.class)
  private Instant completedAt;

  @Column(name = "issued_at")
  @Convert(converter = InstantConverter.class)
  private Instant issuedAt;

  protected Certificate() {}

  /**
   * @param cycleKey the assignment's cycle (a number or date, no content); empty for a one-off
   */
  public Certificate(
      String userId,
      String assignmentId,
      String cycleKey,
      String subjectKind,
      String subjectId,
      Instant completedAt,
      Instant issuedAt) {
    if (userId == null || assignmentId == null || subjectId == null || completedAt == null) {
      throw new IllegalArgumentException("user, assignment, subject and completion required");
    }
    if (!KINDS.contains(subjectKind)) {
      throw new IllegalArgumentException("subjectKind: VIDEO or COURSE");
    }
    String cycle = cycleKey == null ? "" : cycleKey;
    if (!cycle.matches("[A-Za-z0-9._:-]{0,64}")) {
      throw new IllegalArgumentException("cycleKey: up to 64 of A-Z a-z 0-9 . _ : -");
    }
    this.id = newId();
    this.userId = userId;
    this.assignmentId = assignmentId;
    this.cycleKey = cycle;
    this.subjectKind = subjectKind;
    this.subjectId = subjectId;
    this.completedAt = completedAt;
    this.issuedAt = issuedAt;
  }

  static String newId() {
    byte[] bytes = new byte[ID_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether {@code id} has the shape of a verification id (before any look-up). */
  public static boolean wellFormedId(String id) {
    return id != null && id.matches("[A-Za-z0-9_-]{43}");
  }

  public String id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public String assignmentId() {
    return assignmentId;
  }

  public String cycleKey() {
    return cycleKey;
  }

  public String subjectKind() {
    return subjectKind;
  }

  public String subjectId() {
    return subjectId;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public Instant issuedAt() {
    return issuedAt;
  }
}
