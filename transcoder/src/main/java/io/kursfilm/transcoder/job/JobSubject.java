package io.kursfilm.transcoder.job;

/**
 * The upload a claimed job works on.
 *
 * @param versionId the video version; its objects lie under {@link VideoObjects#video}
 * @param originalSize plaintext bytes of the original
 * @param chunkSize plaintext bytes per sealed chunk (the last may be shorter)
 * @param claim this attempt's claim on the version; its outcomes count only while it is the latest
 */
public record JobSubject(
    String tenantId, String versionId, long originalSize, int chunkSize, String claim) {}
