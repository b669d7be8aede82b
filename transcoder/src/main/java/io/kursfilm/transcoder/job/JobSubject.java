package io.kursfilm.transcoder.job;

/**
 * The upload a claimed job works on.
 *
 * @param originalSize plaintext bytes of the original
 * @param chunkSize plaintext bytes per sealed chunk (the last may be shorter)
 * @param claim this attempt's claim on the video; publishing succeeds only while it is the latest
 */
public record JobSubject(
    String tenantId, String videoId, long originalSize, int chunkSize, String claim) {}
