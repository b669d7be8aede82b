package io.kursfilm.storage.keys;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * The tenant keys as the application and the workers use them: every use of a tenant's KEK first
 * asks the {@link TenantGate}, so sealed objects, personal fields and blind indexes (whose index
 * key is opened by the KEK and looked up with it) stop for an off-boarding or shredded tenant in
 * one place. Encrypting under the KEK (a new data key, a new field value) needs a writable tenant,
 * decrypting a readable one. Managing keys (create, rotate, list, destroy) is not gated: the shred
 * itself must still list and destroy them.
 */
public final class GatedTenantKeys implements TenantKeys {

  private final TenantKeys keys;
  private final TenantGate gate;

  public GatedTenantKeys(TenantKeys keys, TenantGate gate) {
    this.keys = keys;
    this.gate = gate;
  }

  @Override
  public String create(String tenantId) {
    return keys.create(tenantId);
  }

  @Override
  public boolean exists(String tenantId) {
    return keys.exists(tenantId);
  }

  /**
   * {@inheritDoc}
   *
   * @throws TenantClosedException when the tenant may not be read; the returned AEAD checks again
   *     on each use, since callers may hold it for a while (a long upload)
   */
  @Override
  public Aead kek(String tenantId) {
    gate.requireReadable(tenantId);
    Aead kek = keys.kek(tenantId);
    return new Aead() {
      @Override
      public byte[] encrypt(byte[] plaintext, byte[] associatedData)
          throws GeneralSecurityException {
        gate.requireWritable(tenantId);
        return kek.encrypt(plaintext, associatedData);
      }

      @Override
      public byte[] decrypt(byte[] ciphertext, byte[] associatedData)
          throws GeneralSecurityException {
        gate.requireReadable(tenantId);
        return kek.decrypt(ciphertext, associatedData);
      }
    };
  }

  @Override
  public String rotate(String tenantId) {
    return keys.rotate(tenantId);
  }

  @Override
  public List<String> keyIds(String tenantId) {
    return keys.keyIds(tenantId);
  }

  @Override
  public void destroy(String tenantId) {
    keys.destroy(tenantId);
  }

  @Override
  public void forget(String tenantId) {
    keys.forget(tenantId);
  }

  @Override
  public void check() {
    keys.check();
  }
}
