/**
 * Tenant key-encryption keys (Tink keysets) kept in a key store that is separate from the database
 * and from the object store, so that destroying a tenant's key makes every copy of its data
 * unreadable. {@link io.kursfilm.storage.keys.LocalKeyStore} holds the wrapped keysets and rotates
 * them, {@link io.kursfilm.storage.keys.PlatformKeysets} holds the platform's own keysets (the
 * audit signing key) under the same master, {@link io.kursfilm.storage.keys.KeyStoreBackup} keeps
 * backups of both for a stated retention, and the master key that wraps them comes from {@link
 * io.kursfilm.storage.keys.kms}, which with a KMS also gives each tenant a key of its own. {@link
 * io.kursfilm.storage.keys.MasterRotation} replaces a local master and destroys the old one. {@link
 * io.kursfilm.storage.keys.GatedTenantKeys} puts the {@link io.kursfilm.storage.keys.TenantGate} in
 * front of every KEK use, so an off-boarding tenant seals nothing new and a shredded one opens
 * nothing, on every node within seconds.
 */
package io.kursfilm.storage.keys;
