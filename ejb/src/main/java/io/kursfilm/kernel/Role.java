package io.kursfilm.kernel;

/** What a user may do. Names are used verbatim as Jakarta Security groups and EJB roles. */
public enum Role {
  /** Platform operator; holds no tenant data of its own. */
  ROOT,
  TENANT_ADMIN,
  TRAINER,
  CRITIC,
  EMPLOYEE;

  /** Role names as compile-time constants for {@code @RolesAllowed}. */
  public static final class Names {
    public static final String ROOT = "ROOT";
    public static final String TENANT_ADMIN = "TENANT_ADMIN";
    public static final String TRAINER = "TRAINER";
    public static final String CRITIC = "CRITIC";
    public static final String EMPLOYEE = "EMPLOYEE";

    private Names() {}
  }
}
