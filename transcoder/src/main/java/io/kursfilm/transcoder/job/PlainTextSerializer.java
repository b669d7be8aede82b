package io.kursfilm.transcoder.job;

import com.github.kagkarlsson.scheduler.exceptions.SerializationException;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The queue's task data as plain UTF-8 text instead of db-scheduler's default Java serialization:
 * whoever can write the queue table must not be able to make every node and worker run code from an
 * {@code ObjectInputStream}. Only {@code String} data exists (the tenant id), so nothing else is
 * accepted.
 *
 * <p>Rows written before the switch hold a Java-serialized {@code String} ({@code AC ED 00 05 74}
 * plus a two-byte length and the text). Those few bytes are decoded here by hand, so queued jobs
 * survive the upgrade; any other Java-serialized data (objects, arrays, long strings) is refused
 * and never reaches an {@code ObjectInputStream}.
 */
public final class PlainTextSerializer implements Serializer {

  /** Java serialization's stream magic and version, then {@code TC_STRING}. */
  private static final byte[] LEGACY_STRING = {(byte) 0xAC, (byte) 0xED, 0x00, 0x05, 0x74};

  private static final int MAX_BYTES = 1024;

  @Override
  public byte[] serialize(Object data) {
    if (data == null) {
      return null;
    }
    if (!(data instanceof String text)) {
      throw new SerializationException(
          "only text task data is allowed, not " + data.getClass().getName(), null);
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public <T> T deserialize(Class<T> type, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    if (type != String.class && type != Object.class) {
      throw new SerializationException(
          "only text task data is allowed, not " + type.getName(), null);
    }
    if (bytes.length > MAX_BYTES) {
      throw new SerializationException("task data too long: " + bytes.length + " bytes", null);
    }
    String text = startsWithJavaMagic(bytes) ? legacyString(bytes) : utf8(bytes);
    return type.cast(text);
  }

  private static boolean startsWithJavaMagic(byte[] bytes) {
    return bytes.length >= 2 && bytes[0] == LEGACY_STRING[0] && bytes[1] == LEGACY_STRING[1];
  }

  /** The text of a Java-serialized {@code String} and nothing else, read without deserializing. */
  private static String legacyString(byte[] bytes) {
    int header = LEGACY_STRING.length + 2;
    if (bytes.length < header) {
      throw refused();
    }
    for (int i = 0; i < LEGACY_STRING.length; i++) {
      if (bytes[i] != LEGACY_STRING[i]) {
        throw refused();
      }
    }
    int length = ((bytes[5] & 0xFF) << 8) | (bytes[6] & 0xFF);
    if (bytes.length != header + length) {
      throw refused();
    }
    // Strict UTF-8 refuses the only forms where modified UTF-8 differs (NUL, surrogate pairs).
    return utf8(Arrays.copyOfRange(bytes, header, bytes.length));
  }

  private static SerializationException refused() {
    return new SerializationException("Java-serialized task data refused", null);
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new SerializationException("task data is not UTF-8 text", e);
    }
  }
}
