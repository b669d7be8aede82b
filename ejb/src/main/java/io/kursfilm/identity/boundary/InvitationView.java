package io.kursfilm.identity.boundary;

import io.kursfilm.identity.control.InvitationIssuer;
import io.kursfilm.kernel.Role;
import java.time.Instant;
import java.util.Set;

/**
 * A pending invitation as the tenant admin sees it; {@code link} is set only when {@code
 * kursfilm.mail.show-links} is on (local development without a mail server).
 */
public record InvitationView(
    String id, String email, String displayName, Set<Role> roles, Instant expiresAt, String link) {

  static InvitationView of(InvitationIssuer.Invited invited) {
    return new InvitationView(
        invited.id(),
        invited.email(),
        invited.displayName(),
        invited.roles(),
        invited.expiresAt(),
        invited.link().orElse(null));
  }
}
