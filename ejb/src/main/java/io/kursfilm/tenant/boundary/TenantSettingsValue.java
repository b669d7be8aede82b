package io.kursfilm.tenant.boundary;

import java.util.Optional;

/**
 * A tenant's own settings.
 *
 * @param maxUploadBytes the tenant's upload limit; empty: the platform's limit
 * @param anonymiseResults quiz results show pseudonyms only, even to trainers
 * @param requireCriticApproval a critic must approve a video before it is published
 * @param requiredApprovals how many critics must approve a version (1-5; never its uploader)
 */
public record TenantSettingsValue(
    Optional<Long> maxUploadBytes,
    boolean anonymiseResults,
    boolean requireCriticApproval,
    int requiredApprovals) {

  public static final int MAX_APPROVALS = 5;

  public TenantSettingsValue {
    if (requiredApprovals < 1 || requiredApprovals > MAX_APPROVALS) {
      throw new IllegalArgumentException("requiredApprovals: between 1 and " + MAX_APPROVALS);
    }
  }
}
