-- What transcode jobs report, in the app and in standalone workers: an outbox the video component
-- reads and applies through its lifecycle table (JobOutcomes), one transaction per row, oldest
-- first per version. Jobs only INSERT here and never write video_version or video themselves.
-- Like scheduled_tasks it is a queue read across tenants; each row names the tenant it is applied
-- in. Rows are deleted once applied or refused.
CREATE TABLE transcode_outcome (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tenant_id    CHAR(36)     NOT NULL,
  version_id   CHAR(36)     NOT NULL,
  -- the attempt that reports: only the attempt that claimed the version last changes it. NULL for
  -- a DISCARD of a job that never claimed (cancelled before it started)
  claim        CHAR(36),
  -- CLAIMED, PROGRESS, REJECTED, PUBLISHED, FAILED or DISCARD (io.kursfilm.transcoder.job.OutcomeKind)
  kind         VARCHAR(16)  NOT NULL,
  -- REJECTED, FAILED: a stable reason key the UI translates, and a short detail
  reason       VARCHAR(64),
  detail       VARCHAR(200),
  -- PUBLISHED: the rendition's object-id prefix and what was learnt of the media
  rendition    VARCHAR(100),
  duration_ms  BIGINT,
  width        INT,
  height       INT,
  media_sha256 CHAR(64),
  -- PROGRESS: 0-100
  percent      INT,
  created_at   TIMESTAMP(6) NOT NULL,
  -- when the applier may try the row (again): application failures back off
  due_at       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  attempts     INT          NOT NULL DEFAULT 0,
  -- One report of each kind per attempt; PROGRESS reports of an attempt overwrite the pending one
  -- (INSERT ... ON DUPLICATE KEY UPDATE), so progress never piles up.
  UNIQUE KEY uq_transcode_outcome_attempt (version_id, claim, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
