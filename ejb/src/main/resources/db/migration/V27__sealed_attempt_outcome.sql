-- An attempt's score and whether it passed are tenant content (how a named employee did): from now
-- on they are sealed together in `outcome`, AEAD under the tenant's key bound to the attempt's row
-- and this column (FieldCipher f2:), so a dump shows no score and a ciphertext copied into another
-- attempt does not open. The value has a fixed length, so neither does the ciphertext's length tell
-- a score of 100 from one of 0 or a pass from a fail. Attempts submitted before are sealed at
-- start-up by AttemptOutcomeSealing (it needs the tenant keys, which a migration cannot reach),
-- which then sets `score` and `passed` to NULL; until then they read as they are. The two columns
-- stay, nullable as they were, for that backfill; a later release can drop them.
ALTER TABLE quiz_attempt ADD COLUMN outcome VARCHAR(200) NULL AFTER answers;
