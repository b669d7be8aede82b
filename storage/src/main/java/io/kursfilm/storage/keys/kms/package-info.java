/**
 * Sources of the master key that wraps the tenant keysets: a local keyset file (the default), a
 * cloud KMS through Tink's {@code KmsClient} seam, or HashiCorp Vault Transit. {@link
 * io.kursfilm.storage.keys.kms.MasterKeys} picks one from a configured URI, and the tenants' own
 * KMS keys next to it ({@link io.kursfilm.storage.keys.kms.TenantKmsKeys}; Vault Transit only so
 * far).
 */
package io.kursfilm.storage.keys.kms;
