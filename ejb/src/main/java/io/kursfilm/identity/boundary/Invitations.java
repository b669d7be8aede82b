package io.kursfilm.identity.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.identity.control.AccountTokens;
import io.kursfilm.identity.control.ElevationGuard;
import io.kursfilm.identity.control.InvitationCsv;
import io.kursfilm.identity.control.InvitationIssuer;
import io.kursfilm.identity.entity.AccountToken;
import io.kursfilm.identity.entity.TokenPurpose;
import io.kursfilm.identity.entity.User;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantContext;
import io.kursfilm.kernel.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tenant admins invite people into their own tenant, one by one or by CSV, see the pending
 * invitations and revoke them.
 *
 * <p>CSV uploads are handled per line: every valid line is invited, every bad line is reported with
 * its number and reason, and nothing is written for it. An admin can then fix and upload only the
 * bad lines (inviting an address again simply replaces its earlier link).
 *
 * <p>Platform operators acting through an elevation cannot invite anybody (see {@link
 * ElevationGuard}); they may look at and revoke pending invitations.
 */
@Stateless
@TenantScoped
@RolesAllowed(Role.Names.TENANT_ADMIN)
public class Invitations {

  /**
   * An invitation grants roles to whoever accepts it, so an elevated operator could invite
   * themselves (or anybody) and keep access after the elevation lapsed: refused while elevated.
   */
  private static final String INVITING = "Inviting people";

  @Inject InvitationIssuer issuer;
  @Inject AccountTokens tokens;
  @Inject TenantContext tenant;
  @Inject AuditLog audit;
  @Inject ElevationGuard elevation;

  public InvitationView invite(String email, String displayName, Set<Role> roles) {
    elevation.refuse(INVITING);
    InvitationIssuer.Invited invited = issuer.invite(email, displayName, roles);
    audited(invited);
    return InvitationView.of(invited);
  }

  /** Invitations are security events: who was let in with which roles, by id only. */
  private void audited(InvitationIssuer.Invited invited) {
    audit.recordInTransaction(
        AuditEvent.of(Action.INVITATION_SENT).subject("invitation", invited.id()));
  }

  public List<CsvLineResult> importCsv(String csv) {
    elevation.refuse(INVITING);
    List<CsvLineResult> results = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (InvitationCsv.Line line : InvitationCsv.parse(csv)) {
      Optional<String> problem =
          line.ok()
              ? issuer.problem(line.email(), line.displayName(), line.roles())
              : Optional.of(line.error());
      if (problem.isEmpty() && !seen.add(User.normaliseEmail(line.email()))) {
        problem = Optional.of("the same e-mail appears on an earlier line");
      }
      if (problem.isPresent()) {
        results.add(new CsvLineResult(line.number(), line.email(), false, null, problem.get()));
      } else {
        InvitationIssuer.Invited invited =
            issuer.invite(line.email(), line.displayName(), line.roles());
        audited(invited);
        results.add(new CsvLineResult(line.number(), invited.email(), true, invited.id(), null));
      }
    }
    return results;
  }

  /** Pending invitations with their addresses and names: a read of personal data, audited. */
  public List<InvitationView> pending() {
    List<InvitationView> pending =
        tokens.pending(tenant.require(), TokenPurpose.INVITATION).stream().map(this::view).toList();
    audit.record(
        AuditEvent.of(Action.INVITATIONS_READ)
            .subject("invitations", null)
            .detail("count", pending.size()));
    return pending;
  }

  /** False for an unknown id, one of another tenant, or one already accepted. */
  public boolean revoke(String id) {
    return tokens.revoke(tenant.require(), TokenPurpose.INVITATION, id);
  }

  private InvitationView view(AccountToken row) {
    return new InvitationView(
        row.id(),
        tokens.email(row),
        tokens.displayName(row),
        row.invitedRoles(),
        row.expiresAt(),
        null);
  }
}
