package io.kursfilm.audit.control;

import io.kursfilm.storage.objects.ObjectStore;
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
import java.util.Optional;

/**
 * Signed checkpoints in the object store's platform bucket: {@code audit-checkpoints/<chain>/}
 * holds one object per checkpoint (named by zero-padded sequence) and {@code latest.json}. In the
 * platform bucket rather than the tenant's, so a tenant's shred (which empties its bucket) leaves
 * the anchors of its audit chain in place.
 */
@Dependent
public class Checkpoints {

  /** Object-store "tenant" whose bucket holds platform objects. */
  public static final String PLATFORM_BUCKET = "platform";

  private static final String PREFIX = "audit-checkpoints/";

  @Inject ObjectStore store;
  @Inject CheckpointSigner signer;

  /** Signs and stores a checkpoint of {@code chain} at {@code sequence}/{@code hash}. */
  public Checkpoint write(String chain, long sequence, String hash, Instant now) {
    Checkpoint signed = signer.sign(new Checkpoint(chain, sequence, hash, now, null));
    byte[] json = toJson(signed).getBytes(StandardCharsets.UTF_8);
    store.put(
        PLATFORM_BUCKET,
        PREFIX + chain + "/" + String.format("%020d", sequence) + ".json",
        new ByteArrayInputStream(json));
    store.put(PLATFORM_BUCKET, PREFIX + chain + "/latest.json", new ByteArrayInputStream(json));
    return signed;
  }

  /** The latest checkpoint of {@code chain}, signature not yet checked; empty if none. */
  public Optional<Checkpoint> latest(String chain) {
    String key = PREFIX + chain + "/latest.json";
    if (!store.exists(PLATFORM_BUCKET, key)) {
      return Optional.empty();
    }
    try (InputStream in = store.get(PLATFORM_BUCKET, key);
        JsonReader reader = Json.createReader(in)) {
      JsonObject o = reader.readObject();
      return Optional.of(
          new Checkpoint(
              o.getString("chain"),
              o.getJsonNumber("sequence").longValueExact(),
              o.getString("hash"),
              Instant.parse(o.getString("time")),
              o.getString("signature")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read audit checkpoint", e);
    } catch (RuntimeException malformed) {
      // A checkpoint that is not even well-formed is as good as a forged one.
      return Optional.of(new Checkpoint(chain, 0, "", Instant.EPOCH, null));
    }
  }

  public boolean authentic(Checkpoint checkpoint) {
    return signer.verify(checkpoint);
  }

  private static String toJson(Checkpoint c) {
    return Json.createObjectBuilder()
        .add("chain", c.chain())
        .add("sequence", c.sequence())
        .add("hash", c.hash())
        .add("time", c.time().toString())
        .add("signature", c.signature())
        .add("algorithm", "Ed25519 (Tink), over kursfilm-audit-checkpoint-v1")
        .build()
        .toString();
  }
}
