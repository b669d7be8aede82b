-- What is left of a shredded tenant: platform bookkeeping that outlives the shred, with no content
-- and nothing readable about the customer but the SHA-256 of its former slug (so the customer and
-- the operator can check which tenant a certificate names). The tenant row itself is deleted at
-- the end of the shred, which frees the slug for a returning customer. The row is written before
-- the keys are destroyed: it carries the key ids and the progress of a shred that a crash
-- interrupted, so a rerun finishes it and certifies what the first run destroyed.
CREATE TABLE tenant_tombstone (
  tenant_id         CHAR(36)     NOT NULL PRIMARY KEY,
  slug_sha256       CHAR(64)     NOT NULL,
  tenant_created_at TIMESTAMP(6) NOT NULL,
  shred_started_at  TIMESTAMP(6) NOT NULL,
  -- JSON array of the key ids read just before destruction (Tink ids, and KMS key ids if any)
  key_ids           VARCHAR(4000) NOT NULL,
  keys_destroyed_at TIMESTAMP(6),
  objects_deleted   BIGINT       NOT NULL DEFAULT 0,
  uploads_aborted   BIGINT       NOT NULL DEFAULT 0,
  -- JSON object: table name to rows deleted
  rows_deleted      VARCHAR(4000),
  rows_deleted_at   TIMESTAMP(6),
  shredded_at       TIMESTAMP(6),
  certificate_id    CHAR(36),
  -- the signed certificate document (canonical JSON), exactly as handed out
  certificate       MEDIUMTEXT,
  version           BIGINT       NOT NULL DEFAULT 0,
  INDEX ix_tombstone_slug (slug_sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The admin who confirms a shred loses their account to it: a random token handed out with the
-- confirmation reads the certificate afterwards. Only its SHA-256 is kept.
ALTER TABLE offboarding ADD COLUMN certificate_token_hash CHAR(64) NULL;
