package io.kursfilm.storage.objects;

import java.time.Instant;

/**
 * One entry of a listing by prefix: key, size and time of the last write only, because S3 listings
 * carry no metadata.
 *
 * @param key object key inside the tenant's bucket
 * @param size stored size in bytes
 * @param lastModified when the object was last written, as the endpoint reports it; the orphan
 *     reconciliation leaves younger objects alone, since their owner may not have committed yet
 */
public record ObjectSummary(String key, long size, Instant lastModified) {}
