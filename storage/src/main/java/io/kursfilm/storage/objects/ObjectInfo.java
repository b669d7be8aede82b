package io.kursfilm.storage.objects;

import java.util.Map;

/**
 * What {@link ObjectStore#stat} knows about one stored object.
 *
 * @param key object key inside the tenant's bucket
 * @param size stored size in bytes (ciphertext size for sealed objects)
 * @param userMetadata user metadata, keys lower-case and without the {@code x-amz-meta-} prefix
 */
public record ObjectInfo(String key, long size, Map<String, String> userMetadata) {

  public ObjectInfo {
    userMetadata = Map.copyOf(userMetadata);
  }
}
