import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.http.Method;

/**
 * Prints a presigned GET URL for an object, so wrk can fetch raw S3 bytes without signing each
 * request. Run with the worker jar (which carries minio-java) on the class path:
 * {@code java -cp worker.jar Presign.java endpoint access secret bucket key}.
 */
public class Presign {
  public static void main(String[] a) throws Exception {
    MinioClient s3 = MinioClient.builder().endpoint(a[0]).credentials(a[1], a[2]).build();
    System.out.println(
        s3.getPresignedObjectUrl(
            GetPresignedObjectUrlArgs.builder()
                .method(Method.GET)
                .bucket(a[3])
                .object(a[4])
                .expiry(3600)
                .build()));
  }
}
