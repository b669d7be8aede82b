-- Append-only, hash-chained audit log (docs/architecture.md, audit). One chain per tenant, plus the chain
-- 'platform' for platform events, so a tenant verifies its own chain and nothing done to one
-- tenant touches another's. No foreign key to tenant: the log outlives a shredded tenant, and it
-- holds ids and counts only, never personal data.
CREATE TABLE audit_chain (
  -- tenant id, or 'platform'
  chain_id   VARCHAR(36) NOT NULL PRIMARY KEY,
  -- Head of the chain: appends lock this row (SELECT ... FOR UPDATE) so they cannot fork it.
  last_seq   BIGINT      NOT NULL,
  last_hash  CHAR(64)    NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE audit_entry (
  id            CHAR(36)      NOT NULL PRIMARY KEY,
  chain_id      VARCHAR(36)   NOT NULL,
  seq           BIGINT        NOT NULL,
  -- NULL for platform events
  tenant_id     CHAR(36),
  -- UTC, microseconds: exactly what the hash covers
  occurred_at   DATETIME(6)   NOT NULL,
  actor_id      VARCHAR(36),
  action        VARCHAR(40)   NOT NULL,
  subject_type  VARCHAR(40),
  subject_id    VARCHAR(100),
  -- canonical JSON object of ids and counts (string values, sorted keys)
  details       VARCHAR(2000) NOT NULL,
  prev_hash     CHAR(64)      NOT NULL,
  -- SHA-256 over the canonical encoding of this row's content and prev_hash
  hash          CHAR(64)      NOT NULL,
  CONSTRAINT uq_audit_chain_seq UNIQUE (chain_id, seq),
  INDEX ix_audit_chain_time (chain_id, occurred_at),
  INDEX ix_audit_time (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
