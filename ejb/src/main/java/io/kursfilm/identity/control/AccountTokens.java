package io.kursfilm.identity.control;

import io.kursfilm.identity.entity.AccountToken;
import io.kursfilm.identity.entity.TokenPurpose;
import io.kursfilm.storage.field.FieldCipher;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes, finds and consumes single-use link tokens. Knows the token rules (hash only, tenant and
 * purpose must match, unused, unexpired); the boundaries decide who may ask.
 */
@Dependent
public class AccountTokens {

  static final String EMAIL_FIELD = "token.email";
  static final String NAME_FIELD = "token.name";

  /** A token just made: the secret for the link, and its row. */
  public record Issued(String token, AccountToken row) {}

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject FieldCipher cipher;
  @Inject Clock clock;

  /** Persists a fresh token for {@code email} (already normalised) in {@code tenantId}. */
  public Issued issue(
      String tenantId,
      TokenPurpose purpose,
      String email,
      String emailIndex,
      Duration ttl,
      java.util.function.UnaryOperator<AccountToken> details) {
    String token = LinkTokens.newToken();
    Instant now = clock.instant();
    String id = UUID.randomUUID().toString();
    AccountToken row =
        details.apply(
            new AccountToken(
                id,
                LinkTokens.hash(token),
                tenantId,
                purpose,
                emailIndex,
                cipher.encrypt(tenantId, AccountToken.row(id), EMAIL_FIELD, email),
                now,
                now.plus(ttl)));
    em.persist(row);
    return new Issued(token, row);
  }

  /** Seals {@code value} as column {@code field} of {@code row}, bound to that row. */
  public String seal(AccountToken row, String field, String value) {
    return cipher.encrypt(row.tenantId(), row.row(), field, value);
  }

  /** Opens the row's e-mail; tokens sealed before row binding open as before. */
  public String email(AccountToken row) {
    return cipher.decrypt(row.tenantId(), row.row(), EMAIL_FIELD, row.emailSealed());
  }

  public String displayName(AccountToken row) {
    return cipher.decrypt(row.tenantId(), row.row(), NAME_FIELD, row.nameSealed());
  }

  /**
   * The usable token for {@code purpose}, regardless of tenant; the caller must still compare the
   * tenant. Empty for anything malformed, unknown, used or expired.
   */
  public Optional<AccountToken> findUsable(String token, TokenPurpose purpose) {
    if (!LinkTokens.looksValid(token)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return em.createNamedQuery(AccountToken.FIND_BY_HASH, AccountToken.class)
        .setParameter("hash", LinkTokens.hash(token))
        .getResultStream()
        .findFirst()
        .filter(t -> t.isUsableFor(purpose, now));
  }

  /** Like {@link #findUsable} but locks the row, so two concurrent uses cannot both succeed. */
  public Optional<AccountToken> lockUsable(String token, TokenPurpose purpose, String tenantId) {
    Optional<AccountToken> found =
        findUsable(token, purpose).filter(t -> t.tenantId().equals(tenantId));
    found.ifPresent(t -> em.refresh(t, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    return found.filter(t -> t.isUsableFor(purpose, clock.instant()));
  }

  public void consume(AccountToken row) {
    row.consume(clock.instant());
  }

  public List<AccountToken> pending(String tenantId, TokenPurpose purpose) {
    return em.createNamedQuery(AccountToken.FIND_PENDING, AccountToken.class)
        .setParameter("tenant", tenantId)
        .setParameter("purpose", purpose)
        .setParameter("now", clock.instant())
        .getResultList();
  }

  /** Withdraws the unused tokens of an address, e.g. before inviting it again. */
  public void withdrawPending(String tenantId, TokenPurpose purpose, String emailIndex) {
    em.createNamedQuery(AccountToken.DELETE_PENDING_FOR_EMAIL)
        .setParameter("tenant", tenantId)
        .setParameter("purpose", purpose)
        .setParameter("emailIndex", emailIndex)
        .executeUpdate();
  }

  /** Deletes an unused token of the tenant; false when there is none with this id. */
  public boolean revoke(String tenantId, TokenPurpose purpose, String id) {
    AccountToken row = id == null ? null : em.find(AccountToken.class, id);
    if (row == null
        || !row.tenantId().equals(tenantId)
        || row.purpose() != purpose
        || row.usedAt() != null) {
      return false;
    }
    em.remove(row);
    return true;
  }
}
