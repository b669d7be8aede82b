package io.kursfilm.identity.entity;

import io.kursfilm.platform.control.FreeText;
import io.kursfilm.tenant.control.TenantFilter;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A person of one tenant who can log in. Tenant-owned: queries see only the bound tenant. */
@Entity
@Table(name = "app_user")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = User.FIND_BY_EMAIL_INDEX,
    query = "select u from User u where u.emailIndex = :emailIndex")
@NamedQuery(name = User.FIND_ALL, query = "select u from User u")
public class User {

  public static final String FIND_BY_EMAIL_INDEX = "User.findByEmailIndex";
  public static final String FIND_ALL = "User.findAll";

  @Id
  @Column(length = 36)
  private String id;

  /** Read-only view of the discriminator, written by EclipseLink from the bound tenant. */
  @Column(name = "tenant_id", insertable = false, updatable = false)
  private String tenantId;

  /** Encrypted at rest; found through {@link #emailIndex}. */
  @Convert(converter = EmailConverter.class)
  private String email;

  /** Blind index of the normalised e-mail: equality look-ups without storing it in clear. */
  @Column(name = "email_index")
  private String emailIndex;

  @Convert(converter = NameConverter.class)
  @Column(name = "display_name")
  private String displayName;

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

  /** Every session opened before this call stops working at its next request. */
  public void endSessions() {
    sessionEpoch++;
  }
}
