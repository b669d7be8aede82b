-- Single sign-on pins an account to one subject of the tenant's identity provider (issue 10,
-- point 5): the e-mail claim links an account only once, at the first sign-in or when an invitation
-- is accepted through the provider; from then on only the same (iss, sub) signs in as that user.
ALTER TABLE app_user
  -- The provider's issuer the account is pinned to (a tenant setting, not personal data). NULL:
  -- not linked yet.
  ADD COLUMN sso_issuer        VARCHAR(500) NULL,
  -- Blind index (tenant HMAC, field 'user.sso-subject') of the issuer and subject: the subject is
  -- a personal identifier, so it is never stored in clear; equality is all sign-in needs.
  ADD COLUMN sso_subject_index CHAR(64)     NULL,
  ADD CONSTRAINT uq_user_sso_subject UNIQUE (tenant_id, sso_subject_index);
