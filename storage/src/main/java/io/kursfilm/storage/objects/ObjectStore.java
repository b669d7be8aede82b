package io.kursfilm.storage.objects;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;

/**
 * Bytes in an S3-compatible store, one bucket per tenant. This class moves bytes and knows nothing
 * about encryption: callers hand it ciphertext only.
 */
public class ObjectStore {

  /** minio-java's multipart part size; S3Proxy buffers each part in memory to hash it. */
  static final long PART_SIZE = 16L * 1024 * 1024;

  private final MinioClient client;
  private final String bucketPrefix;
  private final Set<String> knownBuckets = ConcurrentHashMap.newKeySet();

  public ObjectStore(ObjectStoreSettings settings) {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectTimeout(settings.timeout())
            .readTimeout(settings.timeout())
            .writeTimeout(settings.timeout())
            .retryOnConnectionFailure(false)
            .build();
    this.client =
        MinioClient.builder()
            .endpoint(settings.endpoint().toString())
            .credentials(settings.accessKey(), settings.secretKey())
            .httpClient(http)
            .build();
    this.bucketPrefix = settings.bucketPrefix();
  }

  /** The bucket that holds every object of one tenant. */
  public String bucketOf(String tenantId) {
    String safe = tenantId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    return bucketPrefix + "-" + safe;
  }

  /**
   * Answers whether the store accepts authenticated requests; used by the readiness check.
   *
   * @throws ObjectStoreException when it cannot be reached or refuses the credentials
   */
  public void ping() {
    try {
      client.bucketExists(BucketExistsArgs.builder().bucket(bucketPrefix + "-health").build());
    } catch (Exception e) {
      throw new ObjectStoreException("object store unreachable", e);
    }
  }

  /** Creates the tenant's bucket if it is missing. */
  public void ensureBucket(String tenantId) {
    String bucket = bucketOf(tenantId);
    if (knownBuckets.contains(bucket)) {
      return;
    }
    try {
      if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
      }
      knownBuckets.add(bucket);
    } catch (Exception e) {
      throw new ObjectStoreException("cannot create bucket for tenant", e);
    }
  }

  /** Streams {@code content} of unknown length into the tenant's bucket. */
  public void put(String tenantId, String key, InputStream content) {
    ensureBucket(tenantId);
    try {
      client.putObject(
          PutObjectArgs.builder().bucket(bucketOf(tenantId)).object(key).stream(
                  content, -1, PART_SIZE)
              .build());
    } catch (Exception e) {
      throw new ObjectStoreException("put failed", e);
    }
  }

  /** Opens the object for reading; the caller closes the stream. */
  public InputStream get(String tenantId, String key) {
    try {
      return client.getObject(
          GetObjectArgs.builder().bucket(bucketOf(tenantId)).object(key).build());
    } catch (Exception e) {
      throw new ObjectStoreException("get failed", e);
    }
  }

  /** Whether the object exists. */
  public boolean exists(String tenantId, String key) {
    try {
      client.statObject(StatObjectArgs.builder().bucket(bucketOf(tenantId)).object(key).build());
      return true;
    } catch (ErrorResponseException e) {
      String code = e.errorResponse().code();
      if ("NoSuchKey".equals(code) || "NoSuchBucket".equals(code)) {
        return false;
      }
      throw new ObjectStoreException("stat failed", e);
    } catch (Exception e) {
      throw new ObjectStoreException("stat failed", e);
    }
  }

  /** Deletes one object; deleting a missing object is not an error. */
  public void delete(String tenantId, String key) {
    try {
      client.removeObject(
          RemoveObjectArgs.builder().bucket(bucketOf(tenantId)).object(key).build());
    } catch (ErrorResponseException e) {
      if (!"NoSuchBucket".equals(e.errorResponse().code())) {
        throw new ObjectStoreException("delete failed", e);
      }
    } catch (Exception e) {
      throw new ObjectStoreException("delete failed", e);
    }
  }
}
