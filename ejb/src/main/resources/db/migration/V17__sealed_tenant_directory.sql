-- The last tenant columns in clear (issue 14): the tenant's slug and name, its SSO issuer and client
-- id, the issuer an account is pinned to, and the media hash in the transcode outbox. From now on
-- they hold AEAD ciphertext under the tenant's key bound to their row (FieldCipher f2: values), so
-- a dump taken before a shred shows none of it after. The slug is looked up before anybody logs in:
-- it is found through slug_index, an HMAC-SHA256 of the normalised slug under the platform's
-- directory key (a platform keyset wrapped by the master, not a tenant key), unique as the slug
-- was. Rows written before are sealed and indexed at start-up by TenantDirectorySealing,
-- SsoSettingsSealing and OutcomeHashSealing (a migration cannot reach the keys); until then a
-- plaintext value reads as it is, and a tenant without an index is found by its plaintext slug.
ALTER TABLE tenant
  DROP INDEX uq_tenant_slug,
  MODIFY slug       VARCHAR(400)  NOT NULL,
  MODIFY name       VARCHAR(1200) NOT NULL,
  ADD COLUMN slug_index CHAR(64) NULL AFTER slug,
  ADD CONSTRAINT uq_tenant_slug_index UNIQUE (slug_index);
ALTER TABLE tenant_sso
  MODIFY issuer    VARCHAR(2800) NOT NULL,
  MODIFY client_id VARCHAR(1500) NOT NULL;
ALTER TABLE app_user MODIFY sso_issuer VARCHAR(2800) NULL;
ALTER TABLE transcode_outcome MODIFY media_sha256 VARCHAR(200) NULL;
