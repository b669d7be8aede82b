package io.kursfilm.offboarding.control;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The byte layout of a ZIP64 archive of STORED entries written as a stream (APPNOTE 6.3.x): each
 * entry is a local header without sizes (flag bit 3), its bytes, and a ZIP64 data descriptor; the
 * central directory, the ZIP64 end record, its locator and the classic end record follow the last
 * entry. Every entry is ZIP64 whatever its size, so one layout serves a 1 KiB caption and a 50 GiB
 * original. Names are UTF-8 (flag bit 11). Nothing is compressed: videos already are.
 */
public final class Zip64 {

  private static final int LOCAL = 0x04034b50;
  private static final int DESCRIPTOR = 0x08074b50;
  private static final int CENTRAL = 0x02014b50;
  private static final int END64 = 0x06064b50;
  private static final int LOCATOR64 = 0x07064b50;
  private static final int END = 0x06054b50;
  private static final short VERSION = 45; // ZIP64
  private static final short FLAGS = 0x0808; // data descriptor, UTF-8 names
  private static final short STORED = 0;
  private static final int MAX32 = 0xFFFFFFFF;

  private final short dosTime;
  private final short dosDate;

  /**
   * @param modified the one modification time every entry carries (the export's start)
   */
  public Zip64(Instant modified) {
    LocalDateTime t = LocalDateTime.ofInstant(modified, ZoneOffset.UTC);
    if (t.getYear() < 1980) {
      t = LocalDateTime.of(1980, 1, 1, 0, 0);
    }
    dosTime = (short) ((t.getHour() << 11) | (t.getMinute() << 5) | (t.getSecond() >> 1));
    dosDate = (short) (((t.getYear() - 1980) << 9) | (t.getMonthValue() << 5) | t.getDayOfMonth());
  }

  /** Local header of an entry whose CRC and sizes follow in its data descriptor. */
  public byte[] localHeader(String name) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = le(30 + n.length + 20);
    b.putInt(LOCAL).putShort(VERSION).putShort(FLAGS).putShort(STORED);
    b.putShort(dosTime).putShort(dosDate).putInt(0).putInt(MAX32).putInt(MAX32);
    b.putShort((short) n.length).putShort((short) 20).put(n);
    // ZIP64 extra with zero sizes: the real ones are in the descriptor and the central directory.
    b.putShort((short) 1).putShort((short) 16).putLong(0).putLong(0);
    return b.array();
  }

  /** The ZIP64 data descriptor after an entry's bytes. */
  public byte[] dataDescriptor(long crc, long size) {
    return le(24).putInt(DESCRIPTOR).putInt((int) crc).putLong(size).putLong(size).array();
  }

  /** Bytes an entry of {@code size} bytes named {@code name} takes, header to descriptor. */
  public static long entryLength(String name, long size) {
    return 30 + name.getBytes(StandardCharsets.UTF_8).length + 20 + size + 24;
  }

  /** Central directory and end records of {@code entries}, starting at {@code offset}. */
  public byte[] centralDirectory(List<ArchiveState.Entry> entries, long offset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ArchiveState.Entry e : entries) {
      byte[] n = e.name().getBytes(StandardCharsets.UTF_8);
      ByteBuffer b = le(46 + n.length + 28);
      b.putInt(CENTRAL).putShort(VERSION).putShort(VERSION).putShort(FLAGS).putShort(STORED);
      b.putShort(dosTime).putShort(dosDate).putInt((int) e.crc()).putInt(MAX32).putInt(MAX32);
      b.putShort((short) n.length).putShort((short) 28).putShort((short) 0);
      b.putShort((short) 0).putShort((short) 0).putInt(0).putInt(MAX32).put(n);
      b.putShort((short) 1).putShort((short) 24).putLong(e.size()).putLong(e.size());
      b.putLong(e.offset());
      out.writeBytes(b.array());
    }
    long size = out.size();
    long end64 = offset + size;
    ByteBuffer b = le(56 + 20 + 22);
    b.putInt(END64).putLong(44).putShort(VERSION).putShort(VERSION).putInt(0).putInt(0);
    b.putLong(entries.size()).putLong(entries.size()).putLong(size).putLong(offset);
    b.putInt(LOCATOR64).putInt(0).putLong(end64).putInt(1);
    b.putInt(END).putShort((short) 0).putShort((short) 0).putShort((short) 0xFFFF);
    b.putShort((short) 0xFFFF).putInt(MAX32).putInt(MAX32).putShort((short) 0);
    out.writeBytes(b.array());
    return out.toByteArray();
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
