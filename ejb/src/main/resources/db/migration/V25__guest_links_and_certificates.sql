-- Guest links: an expiring, revocable way to watch one published video without an account. The
-- token is random (256 bits) and only its SHA-256 is kept; the optional password is a PBKDF2 hash
-- like a user's. The label is tenant content, sealed under the tenant's key and bound to the row.
-- Nothing about the guest is stored: openings are a count here and an audit entry by link id.
CREATE TABLE guest_link (
  id                CHAR(36)      NOT NULL PRIMARY KEY,
  tenant_id         CHAR(36)      NOT NULL,
  video_id          CHAR(36)      NOT NULL,
  token_hash        CHAR(64)      NOT NULL,
  label             VARCHAR(1024) NULL,
  password_hash     VARCHAR(512)  NULL,
  created_by        CHAR(36)      NOT NULL,
  created_at        TIMESTAMP(6)  NOT NULL,
  expires_at        TIMESTAMP(6)  NOT NULL,
  revoked_at        TIMESTAMP(6)  NULL,
  openings          INT           NOT NULL DEFAULT 0,
  -- throttling of password guesses, per link, so it holds on every node
  password_failures INT           NOT NULL DEFAULT 0,
  blocked_until     TIMESTAMP(6)  NULL,
  version           BIGINT        NOT NULL DEFAULT 0,
  UNIQUE KEY uq_guest_link_token (token_hash),
  INDEX ix_guest_link_video (tenant_id, video_id, created_at),
  CONSTRAINT fk_guest_link_video FOREIGN KEY (video_id) REFERENCES video (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Certificates of completion: one per person, assignment and cycle. The id is the public
-- verification id (256 random bits, base64url). Ids and times only: the person's name and the
-- subject's title are rendered into the PDF from their sealed sources at download time. The
-- assignment has no foreign key (its table comes with the assignments).
CREATE TABLE certificate (
  id            VARCHAR(43)  NOT NULL PRIMARY KEY,
  tenant_id     CHAR(36)     NOT NULL,
  user_id       CHAR(36)     NOT NULL,
  assignment_id CHAR(36)     NOT NULL,
  cycle_key     VARCHAR(64)  NOT NULL,
  subject_kind  VARCHAR(8)   NOT NULL,
  subject_id    CHAR(36)     NOT NULL,
  completed_at  TIMESTAMP(6) NOT NULL,
  issued_at     TIMESTAMP(6) NOT NULL,
  UNIQUE KEY uq_certificate_cycle (tenant_id, user_id, assignment_id, cycle_key),
  INDEX ix_certificate_user (tenant_id, user_id, issued_at),
  CONSTRAINT fk_certificate_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
