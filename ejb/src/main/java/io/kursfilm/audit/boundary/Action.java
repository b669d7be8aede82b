package io.kursfilm.audit.boundary;

/**
 * What happened. Stored by name: add new actions at will, never rename one (old entries and their
 * hashes carry the name).
 */
public enum Action {
  LOGIN,
  LOGIN_FAILED,
  LOGOUT,
  ROLE_CHANGED,
  USER_CREATED,
  INVITATION_SENT,
  ELEVATION_REQUESTED,
  ELEVATED_ACTION,
  PARTICIPANTS_READ,
  RESULTS_READ,
  EXPORT,
  DOWNLOAD,
  KEY_CREATED,
  KEY_USED,
  KEY_DESTROYED,
  TENANT_CREATED,
  TENANT_SHREDDED,
  DELETION_REQUESTED,
  DELETION_REJECTED,
  USER_ERASED,
  VIDEO_UPLOADED,
  VIDEO_CANCELLED,
  VIDEO_DELETED,
  VIDEO_REJECTED,
  SSO_CONFIGURED,
  TENANT_SETTINGS_CHANGED,
  AUDIT_REANCHORED,
  /** A tenant admin looked at one user of their tenant. */
  USER_READ,
  INVITATIONS_READ,
  DELETION_REQUESTS_READ,
  /** A platform operator read entries of a tenant's chain; recorded in that chain. */
  AUDIT_READ,
  PASSWORD_RESET_REQUESTED,
  PASSWORD_RESET,
  /** A user's account was pinned to one subject of the tenant's identity provider. */
  SSO_LINKED,
  /** A version of a video moved along a row of the lifecycle table (details: from, to, version). */
  VIDEO_STATE_CHANGED,
  /** A new version of a video was started (upload, captions or description). */
  VIDEO_VERSION_CREATED,
  /** A critic recorded a decision on a version (details: decision, version, comment). */
  VIDEO_REVIEWED,
  /** A decision was refused: four eyes (own upload), or not a critic of this video. */
  VIDEO_REVIEW_REFUSED,
  VIDEO_COMMENTED,
  /** A trainer saved a new version of a video's quiz. */
  QUIZ_SAVED,
  /** An employee submitted an attempt (details: quiz, number, passed; never the score's owner). */
  QUIZ_ATTEMPTED,
  /** A tenant admin read who completed a video's quiz (names, passed yes/no, date; no score). */
  COMPLETION_READ,
  /** A tenant admin started the tenant's offboarding: tenant frozen, export enqueued. */
  OFFBOARDING_STARTED,
  /** The offboarding export resumed from its checkpoint after its run stopped (details: parts). */
  OFFBOARDING_EXPORT_RESUMED,
  /** The offboarding export is complete and can be downloaded. */
  OFFBOARDING_EXPORT_READY,
  /** The export counts as downloaded: confirmed by an admin, or its grace period passed. */
  OFFBOARDING_DOWNLOADED,
  /** A tenant admin typed the tenant's slug: the shred of the offboarding starts. */
  OFFBOARDING_CONFIRMED,
  /** A confirmation was refused (export not ready, wrong slug); nothing changed. */
  OFFBOARDING_CONFIRM_REFUSED,
  /** An offboarding was cancelled before the shred; the tenant works again. */
  OFFBOARDING_CANCELLED,
  /** A trainer or tenant admin assigned a video or course (details: subject, due, targets). */
  ASSIGNMENT_CREATED,
  /** An assignment was withdrawn, with its cycles and reminders. */
  ASSIGNMENT_DELETED,
  /** A trainer or tenant admin read the tenant's assignments per person (names, states). */
  ASSIGNMENTS_READ,
  /** A tenant admin imported people into groups from CSV (details: added, invited, rejected). */
  GROUP_IMPORTED,
  // Guest links and certificates of completion (issue 15, branch certs).
  /** A video's trainer or a tenant admin created a guest link (details: video, password). */
  GUEST_LINK_CREATED,
  /** A guest link was revoked (details: video). */
  GUEST_LINK_REVOKED,
  /** Somebody opened a guest link: the link id and the time, nothing about the guest. */
  GUEST_LINK_OPENED,
  /** A wrong password was typed for a guest link. */
  GUEST_LINK_REFUSED,
  /** A tenant admin downloaded the certificate of completion of another person. */
  CERTIFICATE_READ,
  // Orphan reconciliation (issue 16, branch drills).
  /**
   * A pass of the orphan reconciliation removed objects no row owned (platform chain; details:
   * trigger, tenants, objects and bytes per kind; no keys, no names).
   */
  ORPHANS_RECONCILED
}
