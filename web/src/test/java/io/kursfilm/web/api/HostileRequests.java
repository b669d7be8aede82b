package io.kursfilm.web.api;

import io.kursfilm.transcoder.TestFfmpeg;
import io.kursfilm.web.video.TestMedia;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Sends the corpus's requests over a plain socket, byte for byte as the case says: no client
 * normalises a path, fixes a header or refuses a body first. The body is written from a second
 * thread while the answer is read, so a server that answers before it has read everything (413, or
 * a body that never ends) is heard; no answer within the timeout counts as a hang.
 */
final class HostileRequests {

  /** The answer: status, headers (lower-case names) and body, and how long it took. */
  record Answer(int status, String head, String body, Duration took) {}

  /** How a body reaches the server. */
  private record Payload(byte[] bytes, boolean chunked, boolean endless, List<String> headers) {}

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URL base;
  private final Path media;
  private final long maxUpload;
  private final int chunkSize;

  /** {@code chunkSize}: the upload chunk size, sent whole where a shorter last chunk is due. */
  HostileRequests(URL base, Path media, long maxUpload, int chunkSize) {
    this.base = base;
    this.media = media;
    this.maxUpload = maxUpload;
    this.chunkSize = chunkSize;
  }

  /**
   * Sends {@code c} with {@code token}, if any; {@code fill} fills the placeholders of its path and
   * text body.
   */
  Answer send(HostileCase c, UnaryOperator<String> fill, String token) throws Exception {
    String path = fill.apply(c.path());
    Payload payload = payload(c, fill);
    StringBuilder head = new StringBuilder();
    head.append(c.method()).append(' ').append(base.getPath()).append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
    head.append("Connection: close\r\nAccept-Language: en\r\n");
    if (token != null) {
      head.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    if (c.type() != null) {
      head.append("Content-Type: ").append(c.type()).append("\r\n");
    } else if (c.gen() != null && !c.gen().startsWith("json-") && hasBody(c.method())) {
      head.append("Content-Type: application/octet-stream\r\n");
    }
    List<String> headers = new ArrayList<>(c.headers());
    headers.addAll(payload.headers());
    for (int i = 0; i + 1 < headers.size(); i += 2) {
      head.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
    }
    boolean framed = headers.stream().anyMatch(h -> h.equalsIgnoreCase("Content-Length"));
    if (payload.chunked()) {
      head.append("Transfer-Encoding: chunked\r\n");
    } else if (!framed && (payload.bytes().length > 0 || hasBody(c.method()))) {
      head.append("Content-Length: ").append(payload.bytes().length).append("\r\n");
    }
    head.append("\r\n");
    return exchange(head.toString().getBytes(StandardCharsets.UTF_8), payload);
  }

  private static boolean hasBody(String method) {
    return method.equals("POST") || method.equals("PUT");
  }

  private Answer exchange(byte[] head, Payload payload) throws IOException {
    long started = System.nanoTime();
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      // Head and body from another thread: a server may answer (and close) before it has read an
      // oversized head, too.
      Thread writer = new Thread(() -> write(out, head, payload), "hostile-body");
      writer.setDaemon(true);
      writer.start();
      byte[] raw = readAnswer(socket.getInputStream());
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      return parse(raw, took);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer within " + TIMEOUT.toSeconds() + " s", e);
    }
  }

  private static void write(OutputStream out, byte[] head, Payload payload) {
    try {
      out.write(head);
      if (!payload.chunked()) {
        out.write(payload.bytes());
      } else if (payload.endless()) {
        byte[] block = new byte[64 * 1024];
        byte[] size = (Integer.toHexString(block.length) + "\r\n").getBytes();
        while (true) {
          out.write(size);
          out.write(block);
          out.write("\r\n".getBytes());
        }
      } else {
        if (payload.bytes().length > 0) {
          out.write((Integer.toHexString(payload.bytes().length) + "\r\n").getBytes());
          out.write(payload.bytes());
          out.write("\r\n".getBytes());
        }
        out.write("0\r\n\r\n".getBytes());
      }
      out.flush();
    } catch (IOException closed) {
      // The server answered and closed the connection before taking it all: expected.
    }
  }

  /**
   * Reads one answer: up to the end its framing gives (Content-Length, the last chunk) or the end
   * of the stream. Not waiting for the close matters: a server may still be draining a body that
   * never ends after it has answered.
   */
  private static byte[] readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    try {
      for (int n; !complete(all.toByteArray()) && (n = in.read(buffer)) >= 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (SocketException reset) {
      // A reset after the answer (the server stopped reading the body): keep what came.
      if (all.size() == 0) {
        throw reset;
      }
    }
    return all.toByteArray();
  }

  private static boolean complete(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String head = text.substring(0, end).toLowerCase(Locale.ROOT);
    int bodyLength = raw.length - end - 4;
    for (String line : head.split("\r\n")) {
      if (line.startsWith("content-length:")) {
        return bodyLength >= Long.parseLong(line.substring(15).strip());
      }
      if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
        return text.endsWith("\r\n0\r\n\r\n")
            || text.endsWith("\r\n\r\n0\r\n\r\n")
            || (bodyLength >= 5 && text.substring(end + 4).startsWith("0\r\n\r\n"));
      }
    }
    return false;
  }

  private static Answer parse(byte[] raw, Duration took) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    String[] status = head.split(" ", 3);
    if (status.length < 2 || !status[0].startsWith("HTTP/")) {
      throw new AssertionError("no HTTP answer: " + abbreviate(text));
    }
    String lower = head.toLowerCase(Locale.ROOT);
    if (lower.contains("transfer-encoding: chunked")) {
      body = dechunk(body);
    }
    return new Answer(Integer.parseInt(status[1]), lower, body, took);
  }

  private static String dechunk(String body) {
    StringBuilder plain = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int line = body.indexOf("\r\n", at);
      if (line < 0) {
        break;
      }
      int size = Integer.parseInt(body.substring(at, line).split(";")[0].strip(), 16);
      if (size == 0) {
        break;
      }
      // Sizes count bytes; the bodies here are ASCII JSON or HTML, so chars will do.
      plain.append(body, line + 2, Math.min(body.length(), line + 2 + size));
      at = line + 2 + size + 2;
    }
    return plain.toString();
  }

  static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "… (" + text.length() + " chars)" : text;
  }

  // --- the payloads the corpus names by generator ----------------------------------------------

  private Payload payload(HostileCase c, UnaryOperator<String> fill) throws Exception {
    if (c.gen() == null) {
      String text = c.body() == null ? "" : fill.apply(c.body());
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      return new Payload(body, false, false, List.of());
    }
    return switch (c.gen()) {
      case "empty" -> fixed(new byte[0]);
      case "random" -> fixed(random(300_000));
      case "hls-playlist" -> text("#EXTM3U\n#EXTINF:1,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n");
      case "ffconcat" -> text("ffconcat version 1.0\nfile '/etc/passwd'\n");
      case "zip-bomb" -> fixed(zipBomb());
      case "gzip-bomb" ->
          new Payload(gzipBomb(), false, false, List.of("Content-Encoding", "gzip"));
      case "too-large" -> fixed(new byte[(int) maxUpload + 1]);
      case "truncated-mp4" -> fixed(truncatedMp4());
      case "fake-ftyp" -> fixed(fakeFtyp());
      case "audio-only" ->
          fixed(made("audio.m4a", "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "aac"));
      case "ffv1-video" ->
          fixed(made("ffv1.mkv", "-f", "lavfi", "-i", TESTSRC + "160x120", "-c:v", "ffv1"));
      case "alaw-audio" ->
          fixed(
              made(
                  "alaw.mkv",
                  "-f",
                  "lavfi",
                  "-i",
                  TESTSRC + "160x120",
                  "-f",
                  "lavfi",
                  "-i",
                  "sine=duration=1",
                  "-c:v",
                  "mjpeg",
                  "-c:a",
                  "pcm_alaw"));
      case "over-4k" ->
          fixed(made("big.mkv", "-f", "lavfi", "-i", TESTSRC + "4096x2304", "-c:v", "mjpeg"));
      case "png-image" ->
          fixed(made("still.png", "-f", "lavfi", "-i", TESTSRC + "320x240", "-frames:v", "1"));
      case "zero-chunk-stream" -> new Payload(new byte[0], true, false, List.of());
      case "endless-body" -> new Payload(new byte[0], true, true, List.of());
      case "full-chunk" -> fixed(new byte[chunkSize]);
      case "json-200k" ->
          text("{\"title\":\"t\",\"size\":10,\"description\":\"" + "x".repeat(200_000) + "\"}");
      case "json-2m-string" -> text("{\"tenant\":\"" + "x".repeat(2_000_000) + "\"}");
      case "json-deep-33" -> text("{\"title\":\"t\",\"size\":10,\"x\":" + nested(40) + "}");
      case "json-deep-5000" -> text(nested(5000));
      case "json-invalid-utf8" -> fixed(invalidUtf8());
      case "json-utf16" -> fixed("{\"title\":\"t\",\"size\":10}".getBytes(StandardCharsets.UTF_16));
      case "header-64k" -> headers("X-Junk", "a".repeat(64 * 1024));
      case "cookie-256k" -> headers("Cookie", "a=" + "b".repeat(256 * 1024));
      case "headers-5000" -> manyHeaders(5000);
      case "range-2000-parts" -> headers("Range", "bytes=" + ranges(2000));
      case "bearer-16k" -> headers("Authorization", "Bearer " + "A".repeat(16 * 1024));
      case "negative-content-length" ->
          new Payload("{}".getBytes(), false, false, List.of("Content-Length", "-1"));
      case "length-and-chunked" ->
          new Payload(
              "0\r\n\r\nGET /x HTTP/1.1\r\n\r\n".getBytes(),
              false,
              false,
              List.of("Content-Length", "4", "Transfer-Encoding", "chunked"));
      case "huge-content-length" ->
          new Payload(
              "{}".getBytes(), false, false, List.of("Content-Length", "99999999999999999999999"));
      default -> throw new IllegalArgumentException("no generator " + c.gen() + " in " + c.id());
    };
  }

  private static Payload fixed(byte[] bytes) {
    return new Payload(bytes, false, false, List.of());
  }

  private static Payload text(String text) {
    return fixed(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Payload headers(String... pairs) {
    return new Payload(new byte[0], false, false, List.of(pairs));
  }

  private static Payload manyHeaders(int n) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      pairs.add("X-H" + i);
      pairs.add("v");
    }
    return new Payload(new byte[0], false, false, pairs);
  }

  private static String ranges(int n) {
    StringBuilder r = new StringBuilder("0-0");
    for (int i = 1; i < n; i++) {
      r.append(',').append(i).append('-').append(i);
    }
    return r.toString();
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(7).nextBytes(bytes);
    return bytes;
  }

  /** A 100 MB file of zeros in a zip of about 100 KB. */
  private static byte[] zipBomb() throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("bomb.mp4"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 100; i++) {
        out.write(zeros);
      }
      out.closeEntry();
    }
    return zip.toByteArray();
  }

  /** 256 MB of zeros gzipped to about 250 KB, sent as {@code Content-Encoding: gzip}. */
  private static byte[] gzipBomb() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 256; i++) {
        out.write(zeros);
      }
    }
    return gz.toByteArray();
  }

  /** One second at 5 fps of ffmpeg's test pattern, in the size that follows. */
  private static final String TESTSRC = "testsrc=rate=5:duration=1:size=";

  /** A file ffmpeg makes with {@code args} (inputs and codecs) as {@code name}. */
  private byte[] made(String name, String... args) throws Exception {
    Path out = media.resolve(name);
    List<String> all = new ArrayList<>(List.of(args));
    all.add(out.toString());
    TestFfmpeg.ffmpeg(all.toArray(String[]::new));
    return Files.readAllBytes(out);
  }

  /** The first third of a real MP4 whose {@code moov} is at the end: no index, no video. */
  private byte[] truncatedMp4() throws Exception {
    byte[] whole = Files.readAllBytes(TestMedia.clip(media, "truncated.mp4", "320x240", 2, "t"));
    return Arrays.copyOf(whole, whole.length / 3);
  }

  private static byte[] fakeFtyp() {
    byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0};
    byte[] all = Arrays.copyOf(head, 4096);
    byte[] rest = random(4096 - head.length);
    System.arraycopy(rest, 0, all, head.length, rest.length);
    return all;
  }

  private static byte[] invalidUtf8() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("{\"title\":\"a".getBytes());
    out.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF});
    out.writeBytes("\",\"size\":10}".getBytes());
    return out.toByteArray();
  }
}
