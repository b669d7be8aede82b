-- Invitations, password resets and e-mail verification (issue 4).

-- Demo and existing users were created by an operator who knew the address: they count as verified.
ALTER TABLE app_user ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE app_user SET email_verified = TRUE;

-- Single-use links sent by e-mail (invitation, password reset). The token itself is never stored,
-- only its SHA-256 hash; the address is kept as a blind index (binding) and as AEAD ciphertext
-- under the tenant key (so the admin can see whom they invited, and a shred covers it).
-- Looked up before the tenant is known, so the row names its tenant itself.
CREATE TABLE account_token (
  id              CHAR(36)      NOT NULL PRIMARY KEY,
  token_hash      CHAR(64)      NOT NULL,
  tenant_id       CHAR(36)      NOT NULL,
  purpose         VARCHAR(20)   NOT NULL,
  email_index     CHAR(64)      NOT NULL,
  email_sealed    VARCHAR(1024) NOT NULL,
  name_sealed     VARCHAR(1024),
  roles           VARCHAR(200),
  user_id         CHAR(36),
  created_at      TIMESTAMP(6)  NOT NULL,
  expires_at      TIMESTAMP(6)  NOT NULL,
  used_at         TIMESTAMP(6),
  CONSTRAINT uq_account_token_hash UNIQUE (token_hash),
  CONSTRAINT fk_account_token_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
  CONSTRAINT fk_account_token_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
  INDEX ix_account_token_pending (tenant_id, purpose, used_at, expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
