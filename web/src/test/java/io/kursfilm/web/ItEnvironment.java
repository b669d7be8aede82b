package io.kursfilm.web;

import io.kursfilm.storage.testing.LocalS3;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the integration tests share, set up by the build (web/pom.xml): the S3 endpoint the app was
 * configured with, the demo password and the war under test. Client side only.
 */
public final class ItEnvironment {

  private static LocalS3 s3;

  private ItEnvironment() {}

  /**
   * The built war, exactly as shipped. Called by the {@code @Deployment} methods on the client
   * side, so it also starts the S3 endpoint the deployed app talks to.
   */
  public static WebArchive war() {
    try {
      s3();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the test S3 endpoint", e);
    }
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("kursfilm.it.war")));
  }

  /**
   * The app's public address ({@code kursfilm.base-url} in tests): its redirects lead there, so
   * browsers open it rather than the host name Arquillian reports, or cookies would not follow.
   */
  public static URL publicBase() {
    try {
      return URI.create(System.getProperty("kursfilm.it.base-url")).toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String demoPassword() {
    return System.getProperty("kursfilm.it.demo.password");
  }

  /** Starts the S3 endpoint on the port the app expects, once per JVM. */
  public static synchronized LocalS3 s3() throws Exception {
    if (s3 == null) {
      int port = Integer.parseInt(System.getProperty("kursfilm.it.s3.port"));
      s3 = new LocalS3(Path.of(System.getProperty("kursfilm.it.s3.dir")), port).start();
      LocalS3 started = s3;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.stop();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    return s3;
  }
}
