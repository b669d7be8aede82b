package io.kursfilm.storage.objects;

/**
 * One entry of a listing by prefix: key and size only, because S3 listings carry no metadata.
 *
 * @param key object key inside the tenant's bucket
 * @param size stored size in bytes
 */
public record ObjectSummary(String key, long size) {}
