package io.kursfilm.storage.objects;

import java.time.Instant;

/**
 * A multipart upload that was started but neither completed nor aborted. Its parts occupy storage
 * (and hold ciphertext) until it is aborted, so leftovers are listed and cleaned up.
 *
 * @param key object key the upload was meant to create
 * @param uploadId S3 upload id, needed to abort it
 * @param initiated when it was started, if the server says
 */
public record IncompleteUpload(String key, String uploadId, Instant initiated) {}
