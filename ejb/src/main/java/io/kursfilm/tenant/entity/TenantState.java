package io.kursfilm.tenant.entity;

/** Lifecycle of a customer company on the platform. */
public enum TenantState {
  ACTIVE,
  OFFBOARDING,
  SHREDDED
}
