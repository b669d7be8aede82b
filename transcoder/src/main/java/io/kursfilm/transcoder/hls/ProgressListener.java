package io.kursfilm.transcoder.hls;

/**
 * Receives how far a transcode is. Called on the thread that runs the transcode (a worker thread,
 * never a request thread), so implementations must be quick and thread-safe.
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener for callers that do not care. */
  ProgressListener NONE = percent -> {};

  /**
   * @param percent 0..100, never decreasing within one transcode; 100 only on success
   */
  void progress(int percent);
}
