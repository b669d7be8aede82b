-- Titles, descriptions and tags of video versions, caption labels and elevation reasons are tenant
-- content, and the media and caption hashes fingerprints of it: from now on they hold AEAD
-- ciphertext under the tenant's key, bound to their row (FieldCipher f2: values), so a dump shows
-- none of it and a shred destroys it; approvals compare the opened hashes. The columns widen for
-- the ciphertext (base64 of up to 4 bytes per character plus nonce and tag). Rows written before
-- are sealed at start-up by PlaintextDetailsSealing, ReviewHashSealing and ElevationReasonSealing
-- (they need the tenant keys, which a migration cannot reach); until then they read as they are.
ALTER TABLE video_version
  MODIFY title        VARCHAR(1200) NOT NULL,
  MODIFY description  TEXT,
  MODIFY tags         VARCHAR(2800),
  MODIFY media_sha256 VARCHAR(200) NULL;
ALTER TABLE video_caption
  MODIFY label          VARCHAR(400) NOT NULL,
  MODIFY content_sha256 VARCHAR(200) NULL;
ALTER TABLE video_review
  MODIFY media_sha256 VARCHAR(200) NOT NULL,
  MODIFY caption_set  VARCHAR(200) NOT NULL;
ALTER TABLE elevation MODIFY reason VARCHAR(2800) NOT NULL;
