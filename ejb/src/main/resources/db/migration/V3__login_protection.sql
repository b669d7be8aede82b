-- Login protection, session control and ROOT elevation (issue 4).

-- Bumped on deactivation, role change and "log out everywhere": a UI session that logged in with
-- an older epoch is ended on its next request.
ALTER TABLE app_user ADD COLUMN session_epoch BIGINT NOT NULL DEFAULT 0;

-- Failed-login counters, one row per account (tenant + e-mail blind index) and per client address.
-- The key is a SHA-256 over those values: neither an e-mail nor an address is stored in clear.
-- Shared by all cluster nodes; rows past expires_at mean nothing and are purged.
CREATE TABLE login_throttle (
  throttle_key   CHAR(64)     NOT NULL PRIMARY KEY,
  failures       INT          NOT NULL,
  last_failure   TIMESTAMP(6) NULL,
  blocked_until  TIMESTAMP(6) NULL,
  expires_at     TIMESTAMP(6) NOT NULL,
  INDEX ix_throttle_expiry (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A platform operator's time-bound access to one tenant, visible to that tenant's admins.
-- Platform data (not tenant-filtered): queried by explicit tenant_id or operator_id.
CREATE TABLE elevation (
  id           CHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id    CHAR(36)     NOT NULL,
  operator_id  CHAR(36)     NOT NULL,
  reason       VARCHAR(500) NOT NULL,
  starts_at    TIMESTAMP(6) NOT NULL,
  expires_at   TIMESTAMP(6) NOT NULL,
  CONSTRAINT fk_elevation_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT fk_elevation_operator FOREIGN KEY (operator_id) REFERENCES app_user (id),
  INDEX ix_elevation_tenant (tenant_id, starts_at),
  INDEX ix_elevation_operator (operator_id, starts_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
