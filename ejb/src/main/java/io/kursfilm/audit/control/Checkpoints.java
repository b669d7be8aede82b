package io.kursfilm.audit.control;

import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.objects.ObjectSummary;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signed checkpoints in the object store's platform bucket: {@code audit-checkpoint-chain/<chain>/}
 * holds one object per checkpoint, named by its zero-padded number, and nothing else (no "latest"
 * pointer that could be rolled back: the newest is the highest number listed). In the platform
 * bucket rather than the tenant's, so a tenant's shred (which empties its bucket) leaves the
 * anchors of its audit chain in place.
 */
@Dependent
public class Checkpoints {

  /** Object-store "tenant" whose bucket holds platform objects. */
  public static final String PLATFORM_BUCKET = "platform";

  /** Checkpoints of this chained format; the unchained ones of before live under another prefix. */
  static final String PREFIX = "audit-checkpoint-chain/";

  private static final Pattern NAME = Pattern.compile("(\\d{20})\\.json");

  @Inject ObjectStore store;
  @Inject AuditSigningKey key;

  /** Signs and stores the checkpoint after {@code previous} (none: the chain's first). */
  public Checkpoint write(
      Checkpoint previous, String chain, long sequence, String hash, Instant now) {
    Checkpoint signed = key.signer().sign(Checkpoint.next(previous, chain, sequence, hash, now));
    byte[] json = toJson(signed).getBytes(StandardCharsets.UTF_8);
    store.put(PLATFORM_BUCKET, keyOf(chain, signed.number()), new ByteArrayInputStream(json));
    return signed;
  }

  /** The numbers of the checkpoints stored for {@code chain}, as listed; foreign names ignored. */
  public List<Long> numbers(String chain) {
    String prefix = PREFIX + chain + "/";
    List<Long> numbers = new ArrayList<>();
    for (ObjectSummary s : store.list(PLATFORM_BUCKET, prefix)) {
      Matcher m = NAME.matcher(s.key().substring(prefix.length()));
      if (m.matches()) {
        numbers.add(Long.parseLong(m.group(1)));
      }
    }
    return numbers;
  }

  /** Checkpoint {@code number} of {@code chain}, signature not yet checked; null if unreadable. */
  public Checkpoint load(String chain, long number) {
    String objectKey = keyOf(chain, number);
    try (InputStream in = store.get(PLATFORM_BUCKET, objectKey);
        JsonReader reader = Json.createReader(in)) {
      JsonObject o = reader.readObject();
      return new Checkpoint(
          o.getString("chain"),
          o.getJsonNumber("number").longValueExact(),
          o.getJsonNumber("sequence").longValueExact(),
          o.getString("hash"),
          Instant.parse(o.getString("time")),
          o.getString("previous"),
          o.getString("signature"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read audit checkpoint", e);
    } catch (RuntimeException malformed) {
      // A checkpoint that is not even well-formed is as good as a forged one.
      return null;
    }
  }

  /** Whether any checkpoint of any chain is stored: the audit log has been anchored before. */
  public boolean anyStored() {
    return !store.list(PLATFORM_BUCKET, PREFIX).isEmpty();
  }

  public boolean authentic(Checkpoint checkpoint) {
    return key.authentic(checkpoint);
  }

  private static String keyOf(String chain, long number) {
    return PREFIX + chain + "/" + String.format("%020d", number) + ".json";
  }

  private static String toJson(Checkpoint c) {
    return Json.createObjectBuilder()
        .add("chain", c.chain())
        .add("number", c.number())
        .add("sequence", c.sequence())
        .add("hash", c.hash())
        .add("time", c.time().toString())
        .add("previous", c.previous())
        .add("signature", c.signature())
        .add("algorithm", "Ed25519 (Tink), over kursfilm-audit-checkpoint-v2")
        .build()
        .toString();
  }
}
