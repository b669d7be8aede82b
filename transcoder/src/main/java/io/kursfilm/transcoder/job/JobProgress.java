package io.kursfilm.transcoder.job;

import io.kursfilm.transcoder.hls.CancelToken;
import io.kursfilm.transcoder.hls.ProgressListener;

/**
 * Passes ffmpeg's progress to the video row and notices a cancel request from the UI. Writes only
 * when the percentage changes and reads the cancel flag at most every two seconds, so a long
 * transcode costs the database a few hundred statements, not one per progress line.
 */
final class JobProgress implements ProgressListener {

  private static final long CANCEL_POLL_NANOS = 2_000_000_000L;

  private final JobLedger ledger;
  private final String tenantId;
  private final String videoId;
  private final CancelToken cancel;
  private final int share;
  private int lastPercent = -1;
  private long lastPoll = System.nanoTime();

  JobProgress(JobLedger ledger, String tenantId, String videoId, CancelToken cancel, int share) {
    this.ledger = ledger;
    this.tenantId = tenantId;
    this.videoId = videoId;
    this.cancel = cancel;
    this.share = share;
  }

  @Override
  public synchronized void progress(int percent) {
    int scaled = Math.min(share, percent * share / 100);
    if (scaled > lastPercent) {
      lastPercent = scaled;
      ledger.progress(tenantId, videoId, scaled);
    }
    long now = System.nanoTime();
    if (now - lastPoll >= CANCEL_POLL_NANOS) {
      lastPoll = now;
      if (ledger.cancelRequested(tenantId, videoId)) {
        cancel.cancel();
      }
    }
  }
}
