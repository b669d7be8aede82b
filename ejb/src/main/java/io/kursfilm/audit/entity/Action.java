package io.kursfilm.audit.entity;

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
  SSO_CONFIGURED
}
