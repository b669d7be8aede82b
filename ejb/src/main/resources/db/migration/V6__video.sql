-- Video ingest: uploads (sealed chunks in the object store), the transcoding pipeline's state
-- and where the current HLS rendition lies. Bytes never live here: only object ids and sizes.
CREATE TABLE video (
  id               CHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id        CHAR(36)     NOT NULL,
  uploader_id      CHAR(36)     NOT NULL,
  title            VARCHAR(200) NOT NULL,
  description      VARCHAR(4000),
  tags             VARCHAR(500),
  language         VARCHAR(16),
  state            VARCHAR(24)  NOT NULL,
  progress         INT          NOT NULL DEFAULT 0,
  -- a RejectionReason name or FAILED's cause; a stable key the UI translates
  error            VARCHAR(64),
  error_detail     VARCHAR(200),
  declared_size    BIGINT       NOT NULL,
  chunk_size       INT          NOT NULL,
  original_size    BIGINT,
  duration_ms      BIGINT,
  width            INT,
  height           INT,
  -- object-id prefix of the published HLS rendition; a retry writes a new one
  rendition        VARCHAR(100),
  cancel_requested BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at       TIMESTAMP(6) NOT NULL,
  updated_at       TIMESTAMP(6) NOT NULL,
  version          BIGINT       NOT NULL DEFAULT 0,
  INDEX ix_video_tenant_state (tenant_id, state, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Chunks of a resumable upload that have been sealed and stored; re-sending one is idempotent.
CREATE TABLE video_chunk (
  video_id    CHAR(36) NOT NULL,
  tenant_id   CHAR(36) NOT NULL,
  chunk_index INT      NOT NULL,
  size        BIGINT   NOT NULL,
  PRIMARY KEY (video_id, chunk_index),
  CONSTRAINT fk_video_chunk_video FOREIGN KEY (video_id) REFERENCES video (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- WebVTT captions, one per language, sealed in the object store.
CREATE TABLE video_caption (
  video_id   CHAR(36)     NOT NULL,
  tenant_id  CHAR(36)     NOT NULL,
  language   VARCHAR(16)  NOT NULL,
  label      VARCHAR(64)  NOT NULL,
  created_at TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (video_id, language),
  CONSTRAINT fk_video_caption_video FOREIGN KEY (video_id) REFERENCES video (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- db-scheduler's queue (transcoding jobs): shared by the application and standalone workers.
-- Lease = picked/picked_by, heartbeat = last_heartbeat; a dead worker's job is revived.
CREATE TABLE scheduled_tasks (
  task_name            VARCHAR(100) NOT NULL,
  task_instance        VARCHAR(100) NOT NULL,
  task_data            BLOB,
  execution_time       TIMESTAMP(6) NOT NULL,
  picked               BOOLEAN      NOT NULL,
  picked_by            VARCHAR(50),
  last_success         TIMESTAMP(6) NULL,
  last_failure         TIMESTAMP(6) NULL,
  consecutive_failures INT,
  last_heartbeat       TIMESTAMP(6) NULL,
  version              BIGINT       NOT NULL,
  priority             SMALLINT,
  PRIMARY KEY (task_name, task_instance),
  INDEX ix_scheduled_tasks_execution (execution_time),
  INDEX ix_scheduled_tasks_heartbeat (last_heartbeat),
  INDEX ix_scheduled_tasks_priority (priority DESC, execution_time ASC)
) ENGINE=InnoDB;
