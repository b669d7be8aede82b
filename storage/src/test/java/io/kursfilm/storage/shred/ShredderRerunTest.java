package io.kursfilm.storage.shred;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.Aead;
import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.storage.keys.KeyStoreBackup;
import io.kursfilm.storage.keys.LocalKeyStore;
import io.kursfilm.storage.keys.TenantKeys;
import io.kursfilm.storage.sealed.CiphertextCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shred run again, after a crash right after the keys were destroyed or after it finished, only
 * looks: it never creates, rotates or reads a key of the tenant, and no key file reappears.
 */
class ShredderRerunTest {

  @TempDir Path dir;

  @Test
  void a_rerun_of_the_key_step_never_creates_a_key_and_leaves_no_key_file() {
    LocalKeyStore store =
        new LocalKeyStore(dir.resolve("keys"), true, Duration.ofMinutes(5), Clock.systemUTC());
    store.create("leaving");
    Recording keys = new Recording(store);
    KeyStoreBackup backup =
        new KeyStoreBackup(
            dir.resolve("keys"),
            dir.resolve("backups"),
            Duration.ofDays(30),
            Duration.ofDays(1),
            Clock.systemUTC());
    Shredder shredder =
        new Shredder(
            keys,
            backup,
            null,
            new FieldCipher(keys, Duration.ofMinutes(5), Clock.systemUTC()),
            CiphertextCache.disabled(),
            Clock.systemUTC());

    List<String> ids = shredder.keyIds("leaving");
    shredder.destroyKeys("leaving");
    assertEquals(1, ids.size());
    keys.calls.clear();

    assertEquals(List.of(), shredder.keyIds("leaving"), "nothing left to list");
    shredder.destroyKeys("leaving");
    shredder.destroyKeys("leaving");

    assertTrue(keys.calls.stream().allMatch(c -> c.equals("exists")), keys.calls.toString());
    assertFalse(store.exists("leaving"));
    assertFalse(Files.exists(dir.resolve("keys/tenants/leaving.json")));
  }

  /** The key store, recording which operations the shred calls. */
  private static final class Recording implements TenantKeys {
    final TenantKeys keys;
    final List<String> calls = new ArrayList<>();

    Recording(TenantKeys keys) {
      this.keys = keys;
    }

    @Override
    public String create(String tenantId) {
      calls.add("create");
      return keys.create(tenantId);
    }

    @Override
    public boolean exists(String tenantId) {
      calls.add("exists");
      return keys.exists(tenantId);
    }

    @Override
    public Aead kek(String tenantId) {
      calls.add("kek");
      return keys.kek(tenantId);
    }

    @Override
    public String rotate(String tenantId) {
      calls.add("rotate");
      return keys.rotate(tenantId);
    }

    @Override
    public List<String> keyIds(String tenantId) {
      calls.add("keyIds");
      return keys.keyIds(tenantId);
    }

    @Override
    public void destroy(String tenantId) {
      calls.add("destroy");
      keys.destroy(tenantId);
    }

    @Override
    public void check() {
      keys.check();
    }
  }
}
