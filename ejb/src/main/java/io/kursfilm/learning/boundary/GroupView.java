package io.kursfilm.learning.boundary;

import java.util.List;

/**
 * A group with its members; {@code members} is empty in lists, where only their number is given.
 */
public record GroupView(String id, String name, int memberCount, List<Member> members) {

  /** A member by id and display name. */
  public record Member(String userId, String name) {}
}
