package io.kursfilm.video.control;

import io.kursfilm.tenant.boundary.PersonalIndex;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a guest's player sends with every HLS request once the link was opened (and its password
 * given): {@code <linkId>.<expiry>.<mac>}, the MAC keyed with the tenant's index key. It proves the
 * opening, so the password is not sent again; whether the link itself still opens is checked on
 * every request besides. It lives in the URL path, so the playlists' relative URLs carry it.
 */
@Dependent
public class GuestGrants {

  private static final String FIELD = "guest-link.grant";
  private static final Pattern SHAPE =
      Pattern.compile("([0-9a-f-]{36})\\.([0-9]{1,12})\\.([0-9a-f]{64})");

  /** A grant taken apart; {@link #valid} must be asked in the link's tenant. */
  public record Grant(String linkId, long expiresEpochSecond, String mac) {}

  @Inject PersonalIndex index;

  /** A grant for the link until {@code until}; the link's tenant must be bound. */
  public String issue(String linkId, Instant until) {
    long expiry = until.getEpochSecond();
    return linkId + "." + expiry + "." + index.of(FIELD, linkId + "|" + expiry);
  }

  /** The parts of a well-formed grant; empty for anything else. */
  public static Optional<Grant> parse(String grant) {
    Matcher m = grant == null ? null : SHAPE.matcher(grant);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Grant(m.group(1), Long.parseLong(m.group(2)), m.group(3)));
  }

  /** Unexpired at {@code now} and made by us for this link; the link's tenant must be bound. */
  public boolean valid(Grant grant, Instant now) {
    if (now.getEpochSecond() >= grant.expiresEpochSecond()) {
      return false;
    }
    String expected = index.of(FIELD, grant.linkId() + "|" + grant.expiresEpochSecond());
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        grant.mac().getBytes(StandardCharsets.US_ASCII));
  }
}
