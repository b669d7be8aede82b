package io.kursfilm.storage.objects;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import io.minio.messages.ListMultipartUploadsResult;
import io.minio.messages.Upload;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Bytes in an S3-compatible store, one bucket per tenant. This class moves bytes and knows nothing
 * about encryption: callers hand it ciphertext only. Thread-safe; one instance per application.
 *
 * <p>Idempotent requests (get, stat, list, delete, abort) are repeated on transient faults per the
 * {@link RetryPolicy}. Puts stream their body and cannot be replayed, so they are not retried here;
 * the caller repeats the whole upload.
 */
public class ObjectStore {

  /**
   * minio-java's multipart part size. S3Proxy buffers each part in memory to hash it and refuses
   * parts above its {@code v4-max-non-chunked-request-size} (32 MiB by default), so stay below.
   */
  static final long PART_SIZE = 16L * 1024 * 1024;

  private final MinioClient client;

  /** The multipart listing and abort calls are only public on the asynchronous client. */
  private final MinioAsyncClient asyncClient;

  private final Retrier retrier;
  private final String bucketPrefix;
  private final Set<String> knownBuckets = ConcurrentHashMap.newKeySet();

  public ObjectStore(ObjectStoreSettings settings) {
    this(settings, RetryPolicy.defaults());
  }

  public ObjectStore(ObjectStoreSettings settings, RetryPolicy retryPolicy) {
    // minio-java sends every call through okhttp's asynchronous dispatcher, whose limits (64 in
    // all, 5 per host) would cap the app's concurrent S3 requests at five.
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(settings.maxConnections());
    dispatcher.setMaxRequestsPerHost(settings.maxConnections());
    OkHttpClient http =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(new ConnectionPool(settings.maxConnections(), 5, TimeUnit.MINUTES))
            .connectTimeout(settings.timeout())
            .readTimeout(settings.timeout())
            .writeTimeout(settings.timeout())
            // Retries are ours (with backoff and a budget), not okhttp's silent single retry.
            .retryOnConnectionFailure(false)
            .build();
    this.client =
        MinioClient.builder()
            .endpoint(settings.endpoint().toString())
            .credentials(settings.accessKey(), settings.secretKey())
            .httpClient(http)
            .build();
    this.asyncClient =
        MinioAsyncClient.builder()
            .endpoint(settings.endpoint().toString())
            .credentials(settings.accessKey(), settings.secretKey())
            .httpClient(http)
            .build();
    this.retrier = new Retrier(retryPolicy);
    this.bucketPrefix = settings.bucketPrefix();
  }

  /** The bucket that holds every object of one tenant. */
  public String bucketOf(String tenantId) {
    String safe = tenantId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    return bucketPrefix + "-" + safe;
  }

  /**
   * Answers whether the store accepts authenticated requests; used by the readiness check, so it
   * does not retry.
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
    retrier.call(
        "create bucket",
        () -> {
          if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            try {
              client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            } catch (ErrorResponseException e) {
              if (!isCode(e, "BucketAlreadyOwnedByYou", "BucketAlreadyExists")) {
                throw e; // another node may have created it meanwhile
              }
            }
          }
          return null;
        });
    knownBuckets.add(bucket);
  }

  /** Streams {@code content} of unknown length into the tenant's bucket. */
  public void put(String tenantId, String key, InputStream content) {
    put(tenantId, key, content, Map.of());
  }

  /**
   * Streams {@code content} of unknown length into the tenant's bucket with user metadata (sent as
   * {@code x-amz-meta-*} headers: ASCII, a few hundred bytes at most). Not retried.
   */
  public void put(
      String tenantId, String key, InputStream content, Map<String, String> userMetadata) {
    ensureBucket(tenantId);
    try {
      client.putObject(
          PutObjectArgs.builder()
              .bucket(bucketOf(tenantId))
              .object(key)
              .userMetadata(userMetadata)
              .stream(content, -1, PART_SIZE)
              .build());
    } catch (Exception e) {
      throw new ObjectStoreException("put failed", e);
    }
  }

  /** Opens the object for reading; the caller closes the stream. */
  public InputStream get(String tenantId, String key) {
    return retrier.call(
        "get",
        () ->
            client.getObject(
                GetObjectArgs.builder().bucket(bucketOf(tenantId)).object(key).build()));
  }

  /**
   * Opens {@code length} bytes of the object starting at {@code offset} (one ranged GET); the
   * caller closes the stream. A range reaching past the end is cut at the end by the server.
   */
  public InputStream get(String tenantId, String key, long offset, long length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length must not be negative");
    }
    if (length == 0) {
      return InputStream.nullInputStream();
    }
    return retrier.call(
        "ranged get",
        () ->
            client.getObject(
                GetObjectArgs.builder()
                    .bucket(bucketOf(tenantId))
                    .object(key)
                    .offset(offset)
                    .length(length)
                    .build()));
  }

  /**
   * Opens {@code length} bytes of the object from {@code offset} and reads its size and user
   * metadata from the same response, one request where {@link #stat} and {@link #get(String,
   * String, long, long)} would take two. Empty when the object does not exist, when {@code offset}
   * lies at or beyond its end, or when the server ignored the range; the caller then falls back to
   * stat and get.
   */
  public Optional<RangeResponse> getWithInfo(
      String tenantId, String key, long offset, long length) {
    if (offset < 0 || length <= 0) {
      throw new IllegalArgumentException("offset must not be negative, length must be positive");
    }
    return retrier.call(
        "ranged get",
        () -> {
          GetObjectResponse response;
          try {
            response =
                client.getObject(
                    GetObjectArgs.builder()
                        .bucket(bucketOf(tenantId))
                        .object(key)
                        .offset(offset)
                        .length(length)
                        .build());
          } catch (ErrorResponseException e) {
            if (isCode(e, "NoSuchKey", "NoSuchBucket", "NoSuchObject", "InvalidRange")) {
              return Optional.empty();
            }
            throw e;
          }
          return RangeResponse.of(key, response);
        });
  }

  /** Size and user metadata of the object, or empty when it does not exist. */
  public Optional<ObjectInfo> stat(String tenantId, String key) {
    return retrier.call(
        "stat",
        () -> {
          try {
            StatObjectResponse stat =
                client.statObject(
                    StatObjectArgs.builder().bucket(bucketOf(tenantId)).object(key).build());
            return Optional.of(
                new ObjectInfo(key, stat.size(), lowerCaseKeys(stat.userMetadata())));
          } catch (ErrorResponseException e) {
            if (isCode(e, "NoSuchKey", "NoSuchBucket", "NoSuchObject")) {
              return Optional.empty();
            }
            throw e;
          }
        });
  }

  /** Whether the object exists. */
  public boolean exists(String tenantId, String key) {
    return stat(tenantId, key).isPresent();
  }

  /** Every object of the tenant whose key starts with {@code prefix}, in key order. */
  public List<ObjectSummary> list(String tenantId, String prefix) {
    return retrier.call(
        "list",
        () -> {
          List<ObjectSummary> found = new ArrayList<>();
          try {
            for (Result<Item> result :
                client.listObjects(
                    ListObjectsArgs.builder()
                        .bucket(bucketOf(tenantId))
                        .prefix(prefix)
                        .recursive(true)
                        .build())) {
              Item item = result.get();
              found.add(
                  new ObjectSummary(
                      item.objectName(),
                      item.size(),
                      item.lastModified() == null
                          ? Instant.EPOCH
                          : item.lastModified().toInstant()));
            }
          } catch (ErrorResponseException e) {
            if (!isCode(e, "NoSuchBucket")) {
              throw e;
            }
          }
          return found;
        });
  }

  /** Deletes one object; deleting a missing object is not an error. */
  public void delete(String tenantId, String key) {
    retrier.call(
        "delete",
        () -> {
          try {
            client.removeObject(
                RemoveObjectArgs.builder().bucket(bucketOf(tenantId)).object(key).build());
          } catch (ErrorResponseException e) {
            if (!isCode(e, "NoSuchBucket", "NoSuchKey")) {
              throw e;
            }
          }
          return null;
        });
  }

  /**
   * Deletes the given objects with multi-object delete requests (1,000 keys per request); missing
   * objects are not an error.
   *
   * @throws ObjectStoreException naming how many keys could not be deleted
   */
  public void deleteAll(String tenantId, Collection<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    List<DeleteObject> objects = keys.stream().map(DeleteObject::new).toList();
    int failed =
        retrier.call(
            "batch delete",
            () -> {
              int errors = 0;
              try {
                // The result iterable is lazy: the requests run while it is consumed.
                for (Result<DeleteError> result :
                    client.removeObjects(
                        RemoveObjectsArgs.builder()
                            .bucket(bucketOf(tenantId))
                            .objects(objects)
                            .build())) {
                  DeleteError error = result.get();
                  if (!"NoSuchKey".equals(error.code())) {
                    errors++;
                  }
                }
              } catch (ErrorResponseException e) {
                if (!isCode(e, "NoSuchBucket")) {
                  throw e;
                }
              }
              return errors;
            });
    if (failed > 0) {
      throw new ObjectStoreException(
          "batch delete failed for " + failed + " of " + keys.size() + " objects", null);
    }
  }

  /** Deletes every object whose key starts with {@code prefix}; returns how many there were. */
  public int deleteByPrefix(String tenantId, String prefix) {
    List<String> keys = list(tenantId, prefix).stream().map(ObjectSummary::key).toList();
    deleteAll(tenantId, keys);
    return keys.size();
  }

  /**
   * Multipart uploads of the tenant under {@code prefix} that were neither completed nor aborted.
   */
  public List<IncompleteUpload> listIncompleteUploads(String tenantId, String prefix) {
    return retrier.call(
        "list incomplete uploads",
        () -> {
          List<IncompleteUpload> found = new ArrayList<>();
          String keyMarker = null;
          String uploadIdMarker = null;
          try {
            ListMultipartUploadsResult page;
            do {
              page =
                  asyncClient
                      .listMultipartUploadsAsync(
                          bucketOf(tenantId),
                          null,
                          null,
                          null,
                          keyMarker,
                          1000,
                          prefix,
                          uploadIdMarker,
                          null,
                          null)
                      .get()
                      .result();
              for (Upload upload : page.uploads()) {
                found.add(
                    new IncompleteUpload(
                        upload.objectName(),
                        upload.uploadId(),
                        upload.initiated() == null ? null : upload.initiated().toInstant()));
              }
              keyMarker = page.nextKeyMarker();
              uploadIdMarker = page.nextUploadIdMarker();
            } while (page.isTruncated());
          } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof ErrorResponseException error
                && isCode(error, "NoSuchBucket")) {
              return found;
            }
            throw e;
          }
          return found;
        });
  }

  /** Aborts one incomplete upload, freeing its parts; an unknown upload id is not an error. */
  public void abortIncompleteUpload(String tenantId, IncompleteUpload upload) {
    retrier.call(
        "abort upload",
        () -> {
          try {
            asyncClient
                .abortMultipartUploadAsync(
                    bucketOf(tenantId), null, upload.key(), upload.uploadId(), null, null)
                .get();
          } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof ErrorResponseException error
                && isCode(error, "NoSuchUpload", "NoSuchBucket"))) {
              throw e;
            }
          }
          return null;
        });
  }

  /** Aborts every incomplete upload under {@code prefix}; returns how many there were. */
  public int abortIncompleteUploads(String tenantId, String prefix) {
    List<IncompleteUpload> uploads = listIncompleteUploads(tenantId, prefix);
    uploads.forEach(upload -> abortIncompleteUpload(tenantId, upload));
    return uploads.size();
  }

  private static boolean isCode(ErrorResponseException e, String... codes) {
    String code = e.errorResponse() == null ? null : e.errorResponse().code();
    return code != null && List.of(codes).contains(code);
  }

  private static Map<String, String> lowerCaseKeys(Map<String, String> metadata) {
    Map<String, String> result = new java.util.HashMap<>();
    metadata.forEach((k, v) -> result.put(k.toLowerCase(Locale.ROOT), v));
    return result;
  }
}
