/**
 * Tenant key-encryption keys (Tink keysets) kept in a key store that is separate from the database
 * and from the object store, so that destroying a tenant's key makes every copy of its data
 * unreadable.
 */
package io.kursfilm.storage.keys;
