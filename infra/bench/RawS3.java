import io.minio.BucketExistsArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.UploadObjectArgs;
import io.minio.http.Method;
import io.minio.messages.Item;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Raw S3 baselines with the same client the app uses (minio-java), no encryption: {@code put}
 * uploads a file and prints the seconds it took; {@code presign} prints a presigned GET URL so wrk
 * can fetch raw bytes without signing each request. Run with the worker jar (which carries
 * minio-java) on the class path: {@code java -cp worker.jar RawS3.java put|presign endpoint access
 * secret bucket key [file]}. {@code mirror ... bucket dir} stores every file under dir (key: its
 * relative path) and prints "key presigned-URL" per file (infra/bench/load/run's baseline); {@code
 * clear ... bucket} removes every object of the bucket.
 */
public class RawS3 {
  public static void main(String[] a) throws Exception {
    MinioClient s3 = MinioClient.builder().endpoint(a[1]).credentials(a[2], a[3]).build();
    if (a[0].equals("mirror")) {
      mirror(s3, a[4], Path.of(a[5]));
      return;
    }
    if (a[0].equals("clear")) {
      for (Result<Item> item :
          s3.listObjects(ListObjectsArgs.builder().bucket(a[4]).recursive(true).build())) {
        s3.removeObject(
            RemoveObjectArgs.builder().bucket(a[4]).object(item.get().objectName()).build());
      }
      return;
    }
    if (a[0].equals("put")) {
      long start = System.nanoTime();
      s3.uploadObject(UploadObjectArgs.builder().bucket(a[4]).object(a[5]).filename(a[6]).build());
      System.out.println((System.nanoTime() - start) / 1e9);
      return;
    }
    System.out.println(
        s3.getPresignedObjectUrl(
            GetPresignedObjectUrlArgs.builder()
                .method(Method.GET)
                .bucket(a[4])
                .object(a[5])
                .expiry(3600)
                .build()));
  }

  private static void mirror(MinioClient s3, String bucket, Path dir) throws Exception {
    if (!s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
      s3.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
    }
    List<Path> files;
    try (var walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      String key = dir.relativize(file).toString();
      s3.uploadObject(
          UploadObjectArgs.builder().bucket(bucket).object(key).filename(file.toString()).build());
      String url =
          s3.getPresignedObjectUrl(
              GetPresignedObjectUrlArgs.builder()
                  .method(Method.GET)
                  .bucket(bucket)
                  .object(key)
                  .expiry(7200)
                  .build());
      System.out.println(key + " " + url);
    }
  }
}
