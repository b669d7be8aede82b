package io.kursfilm.web.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The most bytes a resource method reads as its request entity; larger bodies get 413 before any
 * parsing ({@link BodyGuard}). Without it, {@code kursfilm.api.max-body-bytes} applies. Raw streams
 * ({@code InputStream} entities such as video uploads) enforce their own limits.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

  /**
   * Small bodies of anonymous endpoints: credentials, a link token, a password of at most 256
   * characters even if every one is sent as a six-byte JSON escape.
   */
  int PUBLIC = 8 * 1024;

  /** Bytes. */
  int value();
}
