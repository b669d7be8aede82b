package io.kursfilm.audit.boundary;

import io.kursfilm.audit.control.ChainReport;
import java.util.List;

/**
 * The verdict over the chains a caller may verify: valid only if every one is; {@code
 * firstBrokenSequence} is that of the first broken chain (in {@code chains} order); {@code
 * signingKey} the fingerprint of the public key the checkpoints were verified with (pinned, else
 * the key store's), so an auditor can check it is the one expected.
 */
public record VerifyResult(
    boolean valid,
    long checked,
    Long firstBrokenSequence,
    List<ChainReport> chains,
    String signingKey) {

  static VerifyResult of(List<ChainReport> reports, String signingKey) {
    ChainReport broken = reports.stream().filter(r -> !r.valid()).findFirst().orElse(null);
    return new VerifyResult(
        broken == null,
        reports.stream().mapToLong(ChainReport::checked).sum(),
        broken == null ? null : broken.firstBrokenSequence(),
        reports,
        signingKey);
  }
}
