package io.kursfilm.transcoder.probe;

/**
 * Why an upload was refused. The names are stable message keys: the UI translates them ({@code
 * video.rejected.<NAME>}), the API returns them.
 */
public enum RejectionReason {
  EMPTY,
  TOO_LARGE,
  NOT_A_SUPPORTED_VIDEO,
  NO_VIDEO_STREAM,
  UNSUPPORTED_VIDEO_CODEC,
  UNSUPPORTED_AUDIO_CODEC,
  TOO_LONG,
  RESOLUTION_TOO_HIGH,
  DURATION_MISMATCH,
  TIMESTAMP_GAP
}
