package io.kursfilm.audit.boundary;

import io.kursfilm.audit.control.ChainReport;
import java.util.List;

/**
 * The verdict over the chains a caller may verify: valid only if every one is; {@code
 * firstBrokenSequence} is that of the first broken chain (in {@code chains} order).
 */
public record VerifyResult(
    boolean valid, long checked, Long firstBrokenSequence, List<ChainReport> chains) {

  static VerifyResult of(List<ChainReport> reports) {
    ChainReport broken = reports.stream().filter(r -> !r.valid()).findFirst().orElse(null);
    return new VerifyResult(
        broken == null,
        reports.stream().mapToLong(ChainReport::checked).sum(),
        broken == null ? null : broken.firstBrokenSequence(),
        reports);
  }
}
