package io.kursfilm.learning.boundary;

import java.util.List;

/** What a group import did, line by line, with the counts. */
public record ImportReport(int added, int invited, int rejected, List<Line> lines) {

  /**
   * One data line of the CSV.
   *
   * @param outcome ADDED (an existing user, into the group if one was named), INVITED (unknown
   *     address, invited as employee), REJECTED (see {@code error})
   */
  public record Line(int line, String email, String outcome, String group, String error) {}
}
