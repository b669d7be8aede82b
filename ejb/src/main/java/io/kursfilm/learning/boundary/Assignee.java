package io.kursfilm.learning.boundary;

/** A person one can assign to: an active employee of the tenant. */
public record Assignee(String id, String name, String email) {

  /** The name, or the address for people who never gave one. */
  public String getLabel() {
    return name == null || name.isBlank() ? email : name + " <" + email + ">";
  }
}
