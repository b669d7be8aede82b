package io.kursfilm.identity.entity;

import io.kursfilm.kernel.FreeText;
import io.kursfilm.kernel.PersonalData;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.storage.field.FieldCipher;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A person of one tenant who can log in. Tenant-owned: queries see only the bound tenant.
 *
 * <p>E-mail and display name are kept sealed under the tenant key and bound to this row (tenant,
 * table, id, column): a converter does not know the row id, so the entity seals them itself before
 * it is written and opens them after it is loaded. A value copied from another user's row fails to
 * open. Values sealed before the row binding open as before and are sealed again, row-bound, at the
 * row's next write.
 */
@Entity
@Table(name = "app_user")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = User.FIND_BY_EMAIL_INDEX,
    query = "select u from User u where u.emailIndex = :emailIndex")
@NamedQuery(name = User.FIND_ALL, query = "select u from User u")
@NamedQuery(
    name = User.ACTIVE_IDS_WITH_ROLE,
    query = "select u.id from User u join u.roles r where r = :role and u.active = true")
@NamedQuery(
    name = User.FIND_BY_SSO_SUBJECT,
    query = "select u from User u where u.ssoSubjectIndex = :subjectIndex")
@NamedQuery(
    name = User.PLAINTEXT_SSO_ISSUERS,
    query =
        "select u from User u where u.ssoIssuerSealed is not null"
            + " and u.ssoIssuerSealed not like 'f2:%'")
@NamedQuery(
    name = User.SEALED_DISPLAY_NAMES,
    query = "select u.id, u.displayNameSealed from User u where u.id in :ids")
public class User {

  /** The languages of the UI and of the mails the app writes to a known person. */
  public static final Set<String> LANGUAGES = Set.of("de", "en");

  public static final String FIND_BY_EMAIL_INDEX = "User.findByEmailIndex";
  public static final String FIND_ALL = "User.findAll";
  public static final String ACTIVE_IDS_WITH_ROLE = "User.activeIdsWithRole";
  public static final String FIND_BY_SSO_SUBJECT = "User.findBySsoSubject";

  /** Users linked to a provider before V17, whose issuer is still in clear. */
  public static final String PLAINTEXT_SSO_ISSUERS = "User.plaintextSsoIssuers";

  /**
   * Id and sealed display name of the users with the given ids, without loading the entities (and
   * their roles): open each with {@link #openDisplayName}.
   */
  public static final String SEALED_DISPLAY_NAMES = "User.sealedDisplayNames";

  @Id
  @Column(length = 36)
  private String id;

  /** Read-only view of the discriminator, written by EclipseLink from the bound tenant. */
  @Column(name = "tenant_id", insertable = false, updatable = false)
  private String tenantId;

  static final String TABLE = "app_user";
  static final String EMAIL_FIELD = "user.email";
  static final String NAME_FIELD = "user.display_name";
  static final String SSO_ISSUER_FIELD = "sso_issuer";

  /** Sealed {@link #email}; found through {@link #emailIndex}. */
  @Column(name = "email")
  private String emailSealed;

  @Transient private String email;

  /** Blind index of the normalised e-mail: equality look-ups without storing it in clear. */
  @Column(name = "email_index")
  private String emailIndex;

  /** Sealed {@link #displayName}. */
  @Column(name = "display_name")
  private String displayNameSealed;

  @Transient private String displayName;

  /** Whether the sealed columns hold the current values, bound to this row. */
  @Transient private boolean sealed;

  @Column(name = "password_hash")
  private String passwordHash;

  private boolean active;

  /** The address is known to reach this person (invitation or reset link used, or seeded). */
  @Column(name = "email_verified")
  private boolean emailVerified;

  @Column(name = "created_at")
  private Instant createdAt;

  /** Raised whenever the user's sessions must end (deactivation, role change, logout-all). */
  @Column(name = "session_epoch")
  private long sessionEpoch;

  /**
   * Sealed {@link #ssoIssuer}; in clear in rows linked before V17 until the start-up sealing (or
   * the row's next write) seals it.
   */
  @Column(name = "sso_issuer")
  private String ssoIssuerSealed;

  /** The identity provider this account is pinned to; null until the first SSO link. */
  @Transient private String ssoIssuer;

  /** Blind index of the provider's issuer and subject that signs in as this user. */
  @Column(name = "sso_subject_index")
  private String ssoSubjectIndex;

  /** The UI language the person picked ({@link #LANGUAGES}); null until they pick one. */
  private String language;

  @Version private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role")
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  protected User() {}

  /**
   * A new user; {@code emailIndex} is the blind index of {@code email} after {@link
   * #normaliseEmail}.
   */
  public User(String email, String emailIndex, String displayName, Set<Role> roles, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.email = normaliseEmail(email);
    this.emailIndex = emailIndex;
    this.displayName =
        displayName == null || displayName.isBlank()
            ? this.email
            : FreeText.line("displayName", displayName);
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a user needs at least one role");
    }
    this.roles = EnumSet.copyOf(roles);
    this.active = true;
    this.createdAt = now;
  }

  /** Seals the personal columns when they are not the current values bound to this row. */
  @PrePersist
  @PreUpdate
  void seal() {
    if (!sealed) {
      FieldCipher.Row row = row();
      emailSealed = PersonalData.seal(EMAIL_FIELD, row, email);
      displayNameSealed = PersonalData.seal(NAME_FIELD, row, displayName);
      ssoIssuerSealed = PersonalData.seal(SSO_ISSUER_FIELD, row, ssoIssuer);
      sealed = true;
    }
  }

  /**
   * Seals the personal columns to this row now, for the start-up sealing of rows written before V17
   * (an issuer in clear); it changes the columns, so the row is written.
   */
  public void sealPlaintext() {
    sealed = false;
    seal();
  }

  /** Opens the personal columns; a value from another row fails here rather than showing. */
  @PostLoad
  void open() {
    FieldCipher.Row row = row();
    email = PersonalData.open(EMAIL_FIELD, row, emailSealed);
    displayName = PersonalData.open(NAME_FIELD, row, displayNameSealed);
    ssoIssuer = PersonalData.openOrPlain(SSO_ISSUER_FIELD, row, ssoIssuerSealed);
    sealed =
        FieldCipher.isRowBound(emailSealed)
            && FieldCipher.isRowBound(displayNameSealed)
            && (ssoIssuerSealed == null || FieldCipher.isRowBound(ssoIssuerSealed));
  }

  private FieldCipher.Row row() {
    return new FieldCipher.Row(TABLE, id);
  }

  /**
   * Opens a display name read by {@link #SEALED_DISPLAY_NAMES}, bound to its row as {@link #open}
   * opens it.
   */
  public static String openDisplayName(PersonalData.Opener opener, String id, String sealed) {
    return opener.open(NAME_FIELD, new FieldCipher.Row(TABLE, id), sealed);
  }

  /** E-mail addresses are compared case-insensitively and without surrounding blanks. */
  public static String normaliseEmail(String email) {
    if (email == null) {
      throw new IllegalArgumentException("e-mail required");
    }
    String e = email.strip().toLowerCase(Locale.ROOT);
    if (e.length() > 320 || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new IllegalArgumentException("not an e-mail address");
    }
    return FreeText.line("e-mail", e);
  }

  public void setPasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  /** A link sent to the address was used: the address reaches this person. */
  public void emailVerified() {
    this.emailVerified = true;
  }

  public boolean isEmailVerified() {
    return emailVerified;
  }

  public boolean canLogIn() {
    return active && passwordHash != null;
  }

  public String id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public String email() {
    return email;
  }

  public String displayName() {
    return displayName;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public boolean active() {
    return active;
  }

  public Set<Role> roles() {
    return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  public long sessionEpoch() {
    return sessionEpoch;
  }

  /**
   * Sets whether the user may log in and what they may do. Deactivation or any change of roles ends
   * all their sessions: they log in again and get exactly the rights they now have.
   *
   * @return whether the user's sessions were ended
   */
  public boolean administer(boolean active, Set<Role> newRoles) {
    if (newRoles == null || newRoles.isEmpty()) {
      throw new IllegalArgumentException("a user needs at least one role");
    }
    boolean end = (this.active && !active) || !roles().equals(EnumSet.copyOf(newRoles));
    this.active = active;
    if (!roles().equals(EnumSet.copyOf(newRoles))) {
      roles.clear();
      roles.addAll(newRoles);
    }
    if (end) {
      endSessions();
    }
    return end;
  }

  /**
   * Pins the account to one subject of an identity provider: from now on only that subject signs in
   * as this user through {@code issuer}, whatever e-mail address it presents.
   */
  public void linkProvider(String issuer, String subjectIndex) {
    this.ssoIssuer = issuer;
    this.ssoSubjectIndex = subjectIndex;
    this.sealed = false;
  }

  /**
   * Whether the account is pinned to a subject of {@code issuer}: then an e-mail address alone does
   * not sign anybody in as this user there.
   */
  public boolean isLinkedTo(String issuer) {
    return ssoSubjectIndex != null && issuer != null && issuer.equals(ssoIssuer);
  }

  /**
   * Remembers the language the person picked, so that what the app writes to them outside a session
   * (notification mails) is in that language too.
   */
  public void preferLanguage(String language) {
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("language: de or en");
    }
    this.language = language;
  }

  /** The picked language; empty while the person has not picked one. */
  public Optional<String> language() {
    return Optional.ofNullable(language);
  }

  /** Every session opened before this call stops working at its next request. */
  public void endSessions() {
    sessionEpoch++;
  }
}
