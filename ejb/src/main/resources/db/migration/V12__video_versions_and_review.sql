-- Versions and the critic's review. A video is what trainers, critics and employees name by id;
-- each upload of its media, and each change of its captions or description, is a version with its
-- own state, media hash, rendition, captions and review history. Employees see the published
-- version; a newer one replaces it only when approved.
RENAME TABLE video TO video_version;
ALTER TABLE video_version
  ADD COLUMN video_id CHAR(36) NULL AFTER tenant_id,
  ADD COLUMN number   INT      NOT NULL DEFAULT 1 AFTER video_id,
  -- the quiz that goes with this version (approved with it); NULL: none
  ADD COLUMN quiz_id  CHAR(36) NULL;
UPDATE video_version SET video_id = id;
ALTER TABLE video_version
  MODIFY video_id CHAR(36) NOT NULL,
  ADD UNIQUE KEY uq_video_version_number (video_id, number);

-- Chunks, chunk writes and captions belong to one version.
ALTER TABLE video_chunk RENAME COLUMN video_id TO version_id;
ALTER TABLE video_chunk_write RENAME COLUMN video_id TO version_id;
ALTER TABLE video_caption RENAME COLUMN video_id TO version_id;
-- SHA-256 of the caption text, so an approval can name the exact caption set it saw.
ALTER TABLE video_caption ADD COLUMN content_sha256 CHAR(64) NULL;

CREATE TABLE video (
  id                   CHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id            CHAR(36)     NOT NULL,
  -- the trainer who created it; with the uploaders of its versions, "the video's trainers"
  owner_id             CHAR(36)     NOT NULL,
  latest_version_id    CHAR(36)     NOT NULL,
  -- what employees see; NULL until a version is published (or after it was archived)
  published_version_id CHAR(36),
  created_at           TIMESTAMP(6) NOT NULL,
  updated_at           TIMESTAMP(6) NOT NULL,
  version              BIGINT       NOT NULL DEFAULT 0,
  INDEX ix_video_tenant_created (tenant_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO video (id, tenant_id, owner_id, latest_version_id, published_version_id, created_at,
                   updated_at)
  SELECT id, tenant_id, uploader_id, id, CASE WHEN state = 'PUBLISHED' THEN id END, created_at,
         updated_at
  FROM video_version;

ALTER TABLE video_version
  ADD CONSTRAINT fk_video_version_video FOREIGN KEY (video_id) REFERENCES video (id)
    ON DELETE CASCADE;

-- Timestamped remarks on a version, by its critics and trainers. The text is sealed under the
-- tenant's key (f-prefixed ciphertext), so a dump of this table shows no content.
CREATE TABLE video_comment (
  id         CHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id  CHAR(36)     NOT NULL,
  video_id   CHAR(36)     NOT NULL,
  version_id CHAR(36)     NOT NULL,
  author_id  CHAR(36)     NOT NULL,
  -- NULL: about the version as a whole (the reason given with a decision)
  at_second  INT,
  text       TEXT         NOT NULL,
  created_at TIMESTAMP(6) NOT NULL,
  INDEX ix_video_comment_video (tenant_id, video_id, created_at),
  CONSTRAINT fk_video_comment_version FOREIGN KEY (version_id) REFERENCES video_version (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A critic's decision on one version, bound to the artefact the critic saw: the media hash, the
-- caption set and the quiz the version carries. One decision per critic and version.
CREATE TABLE video_review (
  id           CHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id    CHAR(36)     NOT NULL,
  video_id     CHAR(36)     NOT NULL,
  version_id   CHAR(36)     NOT NULL,
  critic_id    CHAR(36)     NOT NULL,
  decision     VARCHAR(24)  NOT NULL,
  comment_id   CHAR(36),
  media_sha256 CHAR(64)     NOT NULL,
  caption_set  CHAR(64)     NOT NULL,
  quiz_id      CHAR(36),
  created_at   TIMESTAMP(6) NOT NULL,
  UNIQUE KEY uq_video_review_critic (version_id, critic_id),
  CONSTRAINT fk_video_review_version FOREIGN KEY (version_id) REFERENCES video_version (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- How many critics must approve a version (four eyes: never its uploader).
ALTER TABLE tenant ADD COLUMN required_approvals INT NOT NULL DEFAULT 1;
