/**
 * Encryption of personal columns in the database under the tenant key, with blind indexes for
 * exact-match look-ups, so that database dumps and backups are covered by a shred too.
 */
package io.kursfilm.storage.field;
