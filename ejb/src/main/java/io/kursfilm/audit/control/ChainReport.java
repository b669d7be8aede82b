package io.kursfilm.audit.control;

/**
 * The verdict on one chain.
 *
 * @param chain tenant id or {@code platform}
 * @param valid no broken link found, the checkpoints form an intact chain, the newest matches and
 *     is recent enough
 * @param checked entries whose links were checked
 * @param firstBrokenSequence the first sequence number whose entry is missing, altered or out of
 *     place; {@code null} when valid
 * @param problem a short code for what was found wrong; {@code null} when valid
 * @param checkpointSequence entry sequence the newest intact checkpoint anchors, {@code null} if
 *     none
 * @param checkpointNumber that checkpoint's number in the chain of checkpoints, {@code null} if
 *     none
 */
public record ChainReport(
    String chain,
    boolean valid,
    long checked,
    Long firstBrokenSequence,
    String problem,
    Long checkpointSequence,
    Long checkpointNumber) {}
