import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.UploadObjectArgs;
import io.minio.http.Method;

/**
 * Raw S3 baselines with the same client the app uses (minio-java), no encryption: {@code put}
 * uploads a file and prints the seconds it took; {@code presign} prints a presigned GET URL so wrk
 * can fetch raw bytes without signing each request. Run with the worker jar (which carries
 * minio-java) on the class path: {@code java -cp worker.jar RawS3.java put|presign endpoint access
 * secret bucket key [file]}.
 */
public class RawS3 {
  public static void main(String[] a) throws Exception {
    MinioClient s3 = MinioClient.builder().endpoint(a[1]).credentials(a[2], a[3]).build();
    if (a[0].equals("put")) {
      long start = System.nanoTime();
      s3.uploadObject(
          UploadObjectArgs.builder().bucket(a[4]).object(a[5]).filename(a[6]).build());
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
}
