-- SHA-256 of the exact original a rendition was made from: a critic's approval is tied to it.
ALTER TABLE video ADD COLUMN media_sha256 CHAR(64) NULL AFTER original_size;
