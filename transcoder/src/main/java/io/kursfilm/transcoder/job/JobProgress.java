package io.kursfilm.transcoder.job;

import io.kursfilm.transcoder.hls.CancelToken;
import io.kursfilm.transcoder.hls.ProgressListener;

/**
 * Reports ffmpeg's progress and notices a cancel request from the UI. Reports only when the
 * percentage grows (the port merges pending reports of an attempt into one row) and reads the
 * cancel flag at most every two seconds, so a long transcode costs the database a few hundred
 * statements, not one per progress line.
 */
final class JobProgress implements ProgressListener {

  private static final long CANCEL_POLL_NANOS = 2_000_000_000L;

  private final OutcomePort outcomes;
  private final JobSubject subject;
  private final CancelToken cancel;
  private final int share;
  private int lastPercent = -1;
  private long lastPoll = System.nanoTime();

  JobProgress(OutcomePort outcomes, JobSubject subject, CancelToken cancel, int share) {
    this.outcomes = outcomes;
    this.subject = subject;
    this.cancel = cancel;
    this.share = share;
  }

  @Override
  public synchronized void progress(int percent) {
    int scaled = Math.min(share, percent * share / 100);
    if (scaled > lastPercent) {
      lastPercent = scaled;
      outcomes.progress(subject, scaled);
    }
    long now = System.nanoTime();
    if (now - lastPoll >= CANCEL_POLL_NANOS) {
      lastPoll = now;
      if (outcomes.cancelRequested(subject.tenantId(), subject.versionId())) {
        cancel.cancel();
      }
    }
  }
}
