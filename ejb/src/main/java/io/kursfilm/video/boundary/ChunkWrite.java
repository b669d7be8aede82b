package io.kursfilm.video.boundary;

/**
 * A registered chunk write: the upload was open when it began, and it cannot be completed until the
 * write ends.
 *
 * @param id the write's registration, ended by {@link UploadRows#finishChunk} or {@link
 *     UploadRows#abortChunk}
 * @param versionId the version whose original the chunk is part of
 * @param length plaintext bytes the chunk must have
 */
public record ChunkWrite(String id, String versionId, long length) {}
