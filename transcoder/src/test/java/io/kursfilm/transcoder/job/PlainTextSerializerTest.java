package io.kursfilm.transcoder.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.kagkarlsson.scheduler.exceptions.SerializationException;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The queue's task data is plain text; Java-serialized bytes never reach an {@code
 * ObjectInputStream}, except that a legacy serialized {@code String} is still read, by hand.
 */
class PlainTextSerializerTest {

  /** Set when a {@link Gadget} is deserialized: the stand-in for a gadget chain's side effect. */
  static final AtomicBoolean EXECUTED = new AtomicBoolean();

  /** A class whose deserialization has a side effect, as gadget chains do. */
  static final class Gadget implements Serializable {
    private static final long serialVersionUID = 1L;

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      EXECUTED.set(true);
    }
  }

  final Serializer serializer = TranscodeQueue.serializer();

  @Test
  void the_tenant_id_is_stored_as_plain_utf8_text() {
    String tenant = "3f6c1e2a-9b7d-4c1e-8f00-123456789abc";

    byte[] stored = serializer.serialize(tenant);

    assertArrayEquals(tenant.getBytes(StandardCharsets.UTF_8), stored);
    assertEquals(tenant, serializer.deserialize(String.class, stored));
  }

  @Test
  void a_java_serialized_object_is_refused_without_running_its_read_object() throws Exception {
    byte[] payload = javaSerialized(new Gadget());
    byte[] list = javaSerialized(new java.util.ArrayList<>(List.of("a")));

    assertThrows(SerializationException.class, () -> serializer.deserialize(String.class, payload));
    assertThrows(SerializationException.class, () -> serializer.deserialize(Object.class, list));
    assertFalse(EXECUTED.get(), "readObject must never run");
  }

  @Test
  void a_legacy_java_serialized_string_is_read_by_hand() throws Exception {
    String tenant = "3f6c1e2a-9b7d-4c1e-8f00-123456789abc";

    assertEquals(tenant, serializer.deserialize(String.class, javaSerialized(tenant)));
  }

  @Test
  void a_legacy_string_with_trailing_bytes_or_a_wrong_length_is_refused() throws Exception {
    byte[] legacy = javaSerialized("tenant");
    byte[] trailing = java.util.Arrays.copyOf(legacy, legacy.length + 1);
    byte[] shortened = java.util.Arrays.copyOf(legacy, legacy.length - 1);

    assertThrows(
        SerializationException.class, () -> serializer.deserialize(String.class, trailing));
    assertThrows(
        SerializationException.class, () -> serializer.deserialize(String.class, shortened));
  }

  @Test
  void only_strings_are_written_and_read() {
    assertThrows(SerializationException.class, () -> serializer.serialize(new Gadget()));
    assertThrows(
        SerializationException.class,
        () -> serializer.deserialize(Gadget.class, "x".getBytes(StandardCharsets.UTF_8)));
    assertThrows(
        SerializationException.class,
        () -> serializer.deserialize(String.class, new byte[] {(byte) 0xC3, (byte) 0x28}));
  }

  private static byte[] javaSerialized(Object o) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }
}
