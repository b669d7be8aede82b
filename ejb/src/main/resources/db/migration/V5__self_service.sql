-- GDPR self-service: a person asks for the erasure of their account; a tenant admin decides.
-- No foreign key to app_user: the request (ids only) outlives the erased account as its record.
CREATE TABLE deletion_request (
  id            CHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id     CHAR(36)     NOT NULL,
  user_id       CHAR(36)     NOT NULL,
  state         VARCHAR(20)  NOT NULL,
  requested_at  TIMESTAMP(6) NOT NULL,
  decided_by    CHAR(36),
  decided_at    TIMESTAMP(6),
  version       BIGINT       NOT NULL DEFAULT 0,
  INDEX ix_deletion_request_user (tenant_id, user_id, state)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
