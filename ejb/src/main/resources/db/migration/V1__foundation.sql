-- Tenants, users and API sessions. Every tenant-owned table carries tenant_id (docs/architecture.md, tenancy).
CREATE TABLE tenant (
  id          CHAR(36)     NOT NULL PRIMARY KEY,
  slug        VARCHAR(40)  NOT NULL,
  name        VARCHAR(200) NOT NULL,
  state       VARCHAR(20)  NOT NULL,
  kek_id      VARCHAR(40),
  -- HMAC key of the tenant's blind indexes, wrapped by its KEK (useless once the KEK is shredded).
  index_key   VARBINARY(1024),
  created_at  TIMESTAMP(6) NOT NULL,
  version     BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT uq_tenant_slug UNIQUE (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE app_user (
  id             CHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id      CHAR(36)     NOT NULL,
  -- Personal columns hold AEAD ciphertext under the tenant key (FieldCipher); e-mail is found
  -- through its blind index.
  email          VARCHAR(1024) NOT NULL,
  email_index    CHAR(64)      NOT NULL,
  display_name   VARCHAR(1024) NOT NULL,
  password_hash  VARCHAR(500),
  active         BOOLEAN      NOT NULL,
  created_at     TIMESTAMP(6) NOT NULL,
  version        BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT uq_user_email UNIQUE (tenant_id, email_index),
  CONSTRAINT fk_user_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE user_role (
  user_id  CHAR(36)    NOT NULL,
  role     VARCHAR(20) NOT NULL,
  PRIMARY KEY (user_id, role),
  CONSTRAINT fk_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Bearer tokens are stored only as SHA-256 hashes: a database dump yields no usable token.
CREATE TABLE api_session (
  token_hash  CHAR(64)     NOT NULL PRIMARY KEY,
  tenant_id   CHAR(36)     NOT NULL,
  user_id     CHAR(36)     NOT NULL,
  created_at  TIMESTAMP(6) NOT NULL,
  expires_at  TIMESTAMP(6) NOT NULL,
  CONSTRAINT fk_session_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
  INDEX ix_session_expiry (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
