-- Where a person stands with a video: the segments of its published version watched since their
-- last completion and the resume position, one row per person and video, written by the player's
-- progress reports. How much and where someone watched is personal data: both are in `state`,
-- sealed under the tenant key and bound to the row. Only the version the bitmap is for and the
-- time of the last report are in clear (ordering "continue watching", starting over on a new
-- version).
CREATE TABLE watch_progress (
  id            CHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id     CHAR(36)     NOT NULL,
  user_id       CHAR(36)     NOT NULL,
  video_id      CHAR(36)     NOT NULL,
  video_version INT          NOT NULL,
  state         TEXT         NOT NULL,
  updated_at    TIMESTAMP(6) NOT NULL,
  UNIQUE KEY uq_watch_progress (tenant_id, user_id, video_id),
  INDEX ix_watch_progress_recent (tenant_id, user_id, updated_at),
  CONSTRAINT fk_watch_progress_user FOREIGN KEY (user_id) REFERENCES app_user (id)
    ON DELETE CASCADE,
  CONSTRAINT fk_watch_progress_video FOREIGN KEY (video_id) REFERENCES video (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
