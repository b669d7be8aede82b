package io.kursfilm.storage.keys;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Optional;

/**
 * The content of {@code tenants/<tenantId>.json}: the tenant's Tink keyset, encrypted, and the URI
 * of the tenant's own KMS key when that key (not the master) wraps it. A file without a KMS key is
 * Tink's encrypted-keyset JSON itself, exactly as written before tenants had KMS keys, so those
 * files keep loading under the master.
 *
 * @param kmsKey the URI of the tenant's KMS key that wraps the keyset; empty: the master wraps it
 * @param encryptedKeyset Tink's JSON of the encrypted keyset
 */
record TenantKeyFile(Optional<String> kmsKey, String encryptedKeyset) {

  private static final String KMS_KEY = "kmsKey";
  private static final String KEYSET = "keyset";

  /**
   * Reads a key file's content.
   *
   * @throws KeyStoreException when it is not JSON of either form
   */
  static TenantKeyFile parse(String json) {
    try {
      JsonObject file = JsonParser.parseString(json).getAsJsonObject();
      if (!file.has(KMS_KEY)) {
        return new TenantKeyFile(Optional.empty(), json);
      }
      JsonElement keyset = file.get(KEYSET);
      if (keyset == null || !keyset.isJsonObject()) {
        throw new KeyStoreException("malformed tenant key file");
      }
      return new TenantKeyFile(Optional.of(file.get(KMS_KEY).getAsString()), keyset.toString());
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
      throw new KeyStoreException("malformed tenant key file");
    }
  }

  String toJson() {
    if (kmsKey.isEmpty()) {
      return encryptedKeyset;
    }
    JsonObject file = new JsonObject();
    file.addProperty(KMS_KEY, kmsKey.get());
    file.add(KEYSET, JsonParser.parseString(encryptedKeyset));
    return file.toString();
  }
}
