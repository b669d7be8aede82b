package io.kursfilm.web.security;

import io.kursfilm.web.testing.AuthorisationMatrix.Caller;
import io.kursfilm.web.testing.AuthorisationMatrix.Outcome;
import io.kursfilm.web.testing.AuthorisationMatrix.Row;
import io.kursfilm.web.testing.ReliabilityReport;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What AuthorisationMatrixIT checked: cells by expected outcome, the ids it tried, the requests it
 * sent and the cells that differed; written as the "Authorisation matrix" section of
 * RELIABILITY.md.
 */
final class MatrixTally {

  static final int GUESSES = AuthorisationMatrixIT.GUESSES.size();

  final List<String> deviations = new ArrayList<>();
  final Map<Outcome, Integer> ownCells = new EnumMap<>(Outcome.class);
  final Map<Outcome, Integer> otherCells = new EnumMap<>(Outcome.class);
  final Set<String> ownIds = new LinkedHashSet<>();
  final Set<String> foreignIds = new LinkedHashSet<>();
  int refusedOtherCells;
  int requests;

  private static int total(Map<Outcome, Integer> cells) {
    return cells.values().stream().mapToInt(Integer::intValue).sum();
  }

  String summary(List<Row> rows, long setUpNanos, long runNanos) {
    return String.format(
        "authorisation matrix: %d rows, %d own cells %s, %d other-id cells %s + %d refused by role,"
            + " %d requests, set-up %.1f s, cells %.1f s, %d deviations",
        rows.size(),
        total(ownCells),
        ownCells,
        total(otherCells),
        otherCells,
        refusedOtherCells,
        requests,
        setUpNanos / 1e9,
        runNanos / 1e9,
        deviations.size());
  }

  String report(List<Row> rows, long setUpNanos, long runNanos) {
    long endpoints = rows.stream().filter(r -> !r.isPage()).count();
    StringBuilder body = new StringBuilder();
    body.append(
        "Every REST endpoint and JSF page, called by every caller with the own company's ids, "
            + "another company's ids and guessed ids, against the rule written down in "
            + "`web/src/test/resources/authorisation-matrix.csv` (AuthorisationMatrixIT; "
            + "AuthorisationMatrixRowsTest fails the build for an endpoint or page without a row)."
            + "\n\n");
    body.append(ReliabilityReport.row("What", "Count"));
    body.append(ReliabilityReport.row("---", "---:"));
    body.append(ReliabilityReport.row("REST endpoints (method + path)", endpoints));
    body.append(ReliabilityReport.row("JSF pages", rows.size() - endpoints));
    body.append(
        ReliabilityReport.row(
            "Callers",
            Caller.values().length + " (" + java.util.Arrays.toString(Caller.values()) + ")"));
    body.append(
        ReliabilityReport.row(
            "Cells with own ids: allow", ownCells.getOrDefault(Outcome.allow, 0)));
    body.append(
        ReliabilityReport.row("Cells with own ids: deny", ownCells.getOrDefault(Outcome.deny, 0)));
    body.append(
        ReliabilityReport.row(
            "Cells with own ids: hidden (404)", ownCells.getOrDefault(Outcome.hidden, 0)));
    body.append(
        ReliabilityReport.row(
            "Cells with foreign or guessed ids, caller allowed: hidden (404)",
            otherCells.getOrDefault(Outcome.hidden, 0)));
    body.append(
        ReliabilityReport.row(
            "Cells with foreign or guessed ids, caller allowed: allow (capabilities, public checks, ROOT)",
            otherCells.getOrDefault(Outcome.allow, 0)));
    body.append(
        ReliabilityReport.row(
            "Cells with foreign or guessed ids, caller refused by role: refused alike",
            refusedOtherCells));
    body.append(ReliabilityReport.row("Distinct own ids tried", ownIds.size()));
    body.append(ReliabilityReport.row("Distinct foreign ids tried", foreignIds.size()));
    body.append(ReliabilityReport.row("Guessed ids per id (random UUID, sequential)", GUESSES));
    body.append(ReliabilityReport.row("Requests", requests));
    body.append(ReliabilityReport.row("Deviations from the matrix", deviations.size()));
    body.append(
        ReliabilityReport.row(
            "Time: set-up (2 companies, 2 transcodes) / cells",
            String.format("%.1f s / %.1f s", setUpNanos / 1e9, runNanos / 1e9)));
    body.append(
        "\nA deviation fails the test, so this section exists only when there were none. "
            + "Re-run: `mvn -pl web verify -Dit.test=AuthorisationMatrixIT -Dtest=none "
            + "-Dsurefire.failIfNoSpecifiedTests=false` (with the IT database as in infra/test).\n");
    return body.toString();
  }
}
