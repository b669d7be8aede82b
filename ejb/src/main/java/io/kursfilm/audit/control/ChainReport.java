package io.kursfilm.audit.control;

/**
 * The verdict on one chain.
 *
 * @param chain tenant id or {@code platform}
 * @param valid no broken link found and the latest checkpoint matches
 * @param checked entries whose links were checked
 * @param firstBrokenSequence the first sequence number whose entry is missing, altered or out of
 *     place; {@code null} when valid
 * @param problem a short code for what was found wrong; {@code null} when valid
 * @param checkpointSequence sequence of the latest signed checkpoint, {@code null} if none yet
 */
public record ChainReport(
    String chain,
    boolean valid,
    long checked,
    Long firstBrokenSequence,
    String problem,
    Long checkpointSequence) {}
