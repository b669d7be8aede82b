-- In-app notifications of the review workflow: one row per person told about one version of a
-- video (a version waits for the critics; a decision for its trainer). Written in the transaction of
-- the state change, so a row exists exactly when the change does. Ids only: no title, no text.
CREATE TABLE notification (
  id          CHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id   CHAR(36)     NOT NULL,
  user_id     CHAR(36)     NOT NULL,
  kind        VARCHAR(32)  NOT NULL,
  video_id    CHAR(36)     NOT NULL,
  version     INT          NOT NULL,
  created_at  TIMESTAMP(6) NOT NULL,
  -- NULL while unread
  read_at     TIMESTAMP(6) NULL,
  -- the bell: a person's newest, and their unread count
  INDEX ix_notification_user (tenant_id, user_id, created_at),
  -- Erasing a person or deleting a video removes what told about them.
  CONSTRAINT fk_notification_user FOREIGN KEY (user_id) REFERENCES app_user (id)
    ON DELETE CASCADE,
  CONSTRAINT fk_notification_video FOREIGN KEY (video_id) REFERENCES video (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The UI language a person picked (de, en): the language of the mails written to them. NULL until
-- they pick one; mails are English then.
ALTER TABLE app_user ADD COLUMN language VARCHAR(8) NULL;
