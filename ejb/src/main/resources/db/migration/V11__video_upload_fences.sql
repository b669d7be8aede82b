-- Chunk writes under way: complete refuses while one is fresh, so no chunk can replace a piece of
-- the original after its upload was closed and its hash taken. A write that outlives
-- kursfilm.video.chunk-write-timeout has failed by then (the upload aborts itself).
CREATE TABLE video_chunk_write (
  id          CHAR(36)     NOT NULL PRIMARY KEY,
  video_id    CHAR(36)     NOT NULL,
  tenant_id   CHAR(36)     NOT NULL,
  chunk_index INT          NOT NULL,
  started_at  TIMESTAMP(6) NOT NULL,
  INDEX ix_video_chunk_write_video (video_id),
  CONSTRAINT fk_video_chunk_write_video FOREIGN KEY (video_id) REFERENCES video (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The transcode attempt that claimed the video last: only that attempt may publish its rendition,
-- so a stale job (revived twice, or outlived by a cancel or delete) cannot overwrite a newer state.
ALTER TABLE video ADD COLUMN job_claim CHAR(36) NULL AFTER cancel_requested;
