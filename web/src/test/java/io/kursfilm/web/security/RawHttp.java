package io.kursfilm.web.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, for what {@link java.net.http.HttpClient} will not send: a forged
 * {@code Host} header, odd methods. One request per connection; the answer is read to its end.
 */
final class RawHttp {

  record Answer(int status, List<String> headerLines, String body) {
    Optional<String> header(String name) {
      return all(name).stream().findFirst();
    }

    List<String> all(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      List<String> values = new ArrayList<>();
      for (String line : headerLines) {
        if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
          values.add(line.substring(prefix.length()).strip());
        }
      }
      return values;
    }
  }

  private RawHttp() {}

  /** {@code headers} are full header lines ("Host: evil.example"); Host is added if missing. */
  static Answer send(URL base, String method, String path, String... headers) throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(20_000);
      StringBuilder request = new StringBuilder();
      request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
      boolean hasHost = false;
      for (String h : headers) {
        hasHost |= h.regionMatches(true, 0, "Host:", 0, 5);
        request.append(h).append("\r\n");
      }
      if (!hasHost) {
        request.append("Host: ").append(base.getHost()).append(':').append(base.getPort());
        request.append("\r\n");
      }
      request.append("Connection: close\r\nContent-Length: 0\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return parse(readAll(socket.getInputStream()));
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    return all.toByteArray();
  }

  private static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    return new Answer(status, List.of(lines).subList(1, lines.length), body);
  }
}
