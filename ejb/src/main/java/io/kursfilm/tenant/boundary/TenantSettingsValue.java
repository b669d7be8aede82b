package io.kursfilm.tenant.boundary;

import java.util.Optional;

/**
 * A tenant's own settings.
 *
 * @param maxUploadBytes the tenant's upload limit; empty: the platform's limit
 * @param anonymiseResults quiz results show pseudonyms only, even to trainers
 * @param requireCriticApproval a critic must approve a video before it is published
 */
public record TenantSettingsValue(
    Optional<Long> maxUploadBytes, boolean anonymiseResults, boolean requireCriticApproval) {}
