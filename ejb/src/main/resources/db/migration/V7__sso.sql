-- Single sign-on: one OpenID Connect provider per tenant (issue 4, SSO).
-- Looked up before anyone is logged in (the login page asks by tenant), so the row is keyed by its
-- tenant and every read names it. The client secret is a secret: kept only as AEAD ciphertext under
-- the tenant key (FieldCipher, field 'sso.client-secret'), so database dumps do not reveal it and a
-- shred destroys it with everything else.
CREATE TABLE tenant_sso (
  tenant_id               CHAR(36)      NOT NULL PRIMARY KEY,
  issuer                  VARCHAR(500)  NOT NULL,
  client_id               VARCHAR(255)  NOT NULL,
  client_secret_sealed    VARCHAR(2048) NOT NULL,
  enabled                 BOOLEAN       NOT NULL DEFAULT FALSE,
  -- People of this tenant may log in only through the provider (no passwords, no bearer logins).
  password_login_disabled BOOLEAN       NOT NULL DEFAULT FALSE,
  -- The provider is trusted to assert e-mail addresses even without email_verified=true.
  trust_provider_email    BOOLEAN       NOT NULL DEFAULT FALSE,
  updated_at              TIMESTAMP(6)  NOT NULL,
  updated_by              CHAR(36),
  version                 BIGINT        NOT NULL DEFAULT 0,
  CONSTRAINT fk_tenant_sso_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
