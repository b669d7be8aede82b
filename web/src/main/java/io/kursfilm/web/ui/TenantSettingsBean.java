package io.kursfilm.web.ui;

import io.kursfilm.tenant.boundary.TenantSettings;
import io.kursfilm.tenant.boundary.TenantSettingsValue;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/** The admin's settings page; REST twin {@code GET|PUT /api/v1/tenant/settings}. */
@Named
@ViewScoped
public class TenantSettingsBean implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final long MIB = 1L << 20;

  @Inject transient TenantSettings settings;

  private Long maxUploadMiB;
  private long platformMaxMiB;
  private boolean anonymiseResults;
  private boolean requireCriticApproval;
  private int requiredApprovals = 1;

  @PostConstruct
  void load() {
    show(settings.view());
  }

  public void save() {
    try {
      show(
          settings.update(
              new TenantSettingsValue(
                  Optional.ofNullable(maxUploadMiB).map(m -> m * MIB),
                  anonymiseResults,
                  requireCriticApproval,
                  requiredApprovals)));
      Messages.info("settings.saved");
    } catch (IllegalArgumentException e) {
      Messages.error("settings.invalid");
    }
  }

  private void show(TenantSettings.View view) {
    maxUploadMiB = view.maxUploadBytes() == null ? null : view.maxUploadBytes() / MIB;
    platformMaxMiB = view.platformMaxUploadBytes() / MIB;
    anonymiseResults = view.anonymiseResults();
    requireCriticApproval = view.requireCriticApproval();
    requiredApprovals = view.requiredApprovals();
  }

  public int getRequiredApprovals() {
    return requiredApprovals;
  }

  public void setRequiredApprovals(int requiredApprovals) {
    this.requiredApprovals = requiredApprovals;
  }

  public Long getMaxUploadMiB() {
    return maxUploadMiB;
  }

  public void setMaxUploadMiB(Long maxUploadMiB) {
    this.maxUploadMiB = maxUploadMiB;
  }

  public long getPlatformMaxMiB() {
    return platformMaxMiB;
  }

  public boolean isAnonymiseResults() {
    return anonymiseResults;
  }

  public void setAnonymiseResults(boolean anonymiseResults) {
    this.anonymiseResults = anonymiseResults;
  }

  public boolean isRequireCriticApproval() {
    return requireCriticApproval;
  }

  public void setRequireCriticApproval(boolean requireCriticApproval) {
    this.requireCriticApproval = requireCriticApproval;
  }
}
