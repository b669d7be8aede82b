-- A customer's offboarding: the export they download, then the crypto-shred of their tenant.
-- Platform bookkeeping of ids, states, counts and times only: the row outlives the shred (the
-- platform operator and the certificate refer to it), so no foreign key to the tenant row, which
-- the shred removes, and no tenant content.
CREATE TABLE offboarding (
  id                 CHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id          CHAR(36)     NOT NULL,
  state              VARCHAR(24)  NOT NULL,
  requested_by       CHAR(36)     NOT NULL,
  requested_at       TIMESTAMP(6) NOT NULL,
  export_done_bytes  BIGINT       NOT NULL DEFAULT 0,
  export_total_bytes BIGINT       NOT NULL DEFAULT 0,
  export_ready_at    TIMESTAMP(6),
  downloaded_at      TIMESTAMP(6),
  confirmed_by       CHAR(36),
  confirmed_at       TIMESTAMP(6),
  shredded_at        TIMESTAMP(6),
  failure            VARCHAR(64),
  updated_at         TIMESTAMP(6) NOT NULL,
  version            BIGINT       NOT NULL DEFAULT 0,
  INDEX ix_offboarding_tenant (tenant_id, requested_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
