-- The learning portal's proof of training: one row each time a person completes a video (watched
-- at least 90 % of it, and passed its quiz where it has one). Rows are history, never updated: a
-- recurring assignment asks for a completion after the start of its current cycle. Ids and times
-- only, nothing of the content.
CREATE TABLE video_completion (
  id            CHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id     CHAR(36)     NOT NULL,
  user_id       CHAR(36)     NOT NULL,
  video_id      CHAR(36)     NOT NULL,
  -- the published version the person watched
  video_version INT          NOT NULL,
  completed_at  TIMESTAMP(6) NOT NULL,
  INDEX ix_video_completion_user (tenant_id, user_id, video_id, completed_at),
  INDEX ix_video_completion_video (tenant_id, video_id, completed_at),
  CONSTRAINT fk_video_completion_user FOREIGN KEY (user_id) REFERENCES app_user (id)
    ON DELETE CASCADE,
  CONSTRAINT fk_video_completion_video FOREIGN KEY (video_id) REFERENCES video (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
