package io.kursfilm.video.control;

import io.kursfilm.kernel.TenantContext;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantSettingsValue;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** What the bound tenant's admins decided about publishing: critics, and how many of them. */
@Dependent
public class PublishRule {

  @Inject TenantContext tenant;
  @Inject TenantDirectory tenants;

  public boolean criticMustApprove() {
    return settings().requireCriticApproval();
  }

  /** Approvals by distinct critics a version needs before it is published. */
  public int requiredApprovals() {
    return settings().requiredApprovals();
  }

  private TenantSettingsValue settings() {
    return tenants
        .settings(tenant.require())
        .orElseThrow(() -> new IllegalStateException("bound tenant missing"));
  }
}
