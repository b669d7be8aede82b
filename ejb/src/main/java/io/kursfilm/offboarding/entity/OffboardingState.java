package io.kursfilm.offboarding.entity;

/** Where an offboarding stands (docs/api.md, Offboarding). */
public enum OffboardingState {
  /** The export job is writing the tenant's export; the tenant is frozen. */
  EXPORTING,
  /** The export can be downloaded. */
  READY_FOR_DOWNLOAD,
  /** The admin confirmed the download, or the grace period passed. */
  DOWNLOADED,
  /** The tenant name was confirmed; the shred job runs. */
  SHREDDING,
  /** The tenant's keys are destroyed and its data deleted; the certificate is issued. */
  SHREDDED,
  /** The offboarding was cancelled before the shred; the tenant works again. */
  CANCELLED,
  /** A job failed for good; {@code failure} says why. */
  FAILED
}
