-- The offboarding export job's state on its offboarding row, and the download links of exports.
-- export_checkpoint: the ZIP64 writer's state after the last closed part (entry names are ids,
-- with each entry's CRC and SHA-256), sealed under the tenant's key (AEAD bound to the row), so a
-- dump holds no fingerprint of tenant content that outlives the shred; reduced to the part sizes
-- once the export is ready. export_claim/export_claimed_until: the node running the export and
-- how long its lease lasts (renewed while it runs); an expired lease is taken over and resumed.
ALTER TABLE offboarding
  ADD COLUMN export_checkpoint    MEDIUMTEXT,
  ADD COLUMN export_claim         VARCHAR(64),
  ADD COLUMN export_claimed_until TIMESTAMP(6);

-- An expiring download link of an export, issued to a tenant admin. Only the SHA-256 of the random
-- token is kept. Platform bookkeeping like the offboarding row: ids and times only.
CREATE TABLE offboarding_link (
  id              CHAR(36)     NOT NULL PRIMARY KEY,
  offboarding_id  CHAR(36)     NOT NULL,
  tenant_id       CHAR(36)     NOT NULL,
  token_hash      CHAR(64)     NOT NULL,
  issued_to       CHAR(36)     NOT NULL,
  created_at      TIMESTAMP(6) NOT NULL,
  expires_at      TIMESTAMP(6) NOT NULL,
  UNIQUE KEY uq_offboarding_link_token (token_hash),
  INDEX ix_offboarding_link_offboarding (offboarding_id),
  INDEX ix_offboarding_link_expiry (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
