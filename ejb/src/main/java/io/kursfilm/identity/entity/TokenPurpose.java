package io.kursfilm.identity.entity;

/** What a single-use link sent by e-mail is for. One link never serves the other purpose. */
public enum TokenPurpose {
  /** Join a tenant: creates the user with the invited roles. */
  INVITATION,
  /** Set a new password for an existing user. */
  PASSWORD_RESET
}
