/**
 * Sealed objects: tenant bytes encrypted with a fresh per-object data key (Tink StreamingAead
 * AES-256-GCM-HKDF in 256 KiB segments; objects sealed earlier in {@code AES256_GCM_HKDF_1MB} still
 * open) while they stream into the object store, the data key wrapped by the tenant's KEK, and
 * every ciphertext bound to {@code tenantId|objectId}. Destroying the KEK shreds every object of
 * the tenant at once. Uploads are stored as sequences of independently sealed chunks ({@link
 * io.kursfilm.storage.sealed.SealedChunks}), so a resumable upload needs no encryption state
 * between requests.
 */
package io.kursfilm.storage.sealed;
