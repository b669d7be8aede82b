-- Settings a tenant admin controls. NULL upload limit: the platform's limit applies.
-- The two switches are read by the review and quiz components.
ALTER TABLE tenant
  ADD COLUMN max_upload_bytes        BIGINT,
  ADD COLUMN anonymise_results       BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN require_critic_approval BOOLEAN NOT NULL DEFAULT TRUE;
