package io.kursfilm.transcoder.job;

/**
 * The upload a claimed job works on.
 *
 * @param originalSize plaintext bytes of the original
 * @param chunkSize plaintext bytes per sealed chunk (the last may be shorter)
 */
public record JobSubject(String tenantId, String videoId, long originalSize, int chunkSize) {}
