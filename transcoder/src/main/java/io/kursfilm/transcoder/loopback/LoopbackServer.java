package io.kursfilm.transcoder.loopback;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kursfilm.storage.http.ByteRange;
import io.kursfilm.transcoder.MediaInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves published {@link RangeSource}s to ffmpeg over HTTP on 127.0.0.1, so that ffmpeg reads an
 * upload decrypted in memory instead of a plaintext file. Each source gets an unguessable URL for
 * the life of its {@link Lease}. One instance per node, started at start-up and {@link #close()
 * closed} at shutdown; thread-safe.
 *
 * <p>The URL is on ffmpeg's command line, which every local user can read in {@code
 * /proc/<pid>/cmdline}, so it is not enough: each lease also has a second secret that ffmpeg sends
 * as {@code Proxy-Authorization}, because the lease names this server as ffmpeg's {@code
 * http_proxy} in its environment (readable only by the same user). A request without it is answered
 * 407 (ffmpeg then retries with it, once per connection until it knows the scheme); a request after
 * the lease closed, i.e. once the job's ffprobe and ffmpeg runs are over, is 404. Binding the lease
 * to one connection would not work: ffmpeg reopens the URL with a new Range for every seek, and
 * three processes (two ffprobe runs, then ffmpeg) read it per job.
 *
 * <p>Answers GET and HEAD with single byte ranges (what ffmpeg's http protocol sends when it
 * seeks); everything else is 404 or 405. Bodies are streamed through a fixed buffer per request.
 * Logs nothing about content or URLs; a client going away midway (ffmpeg does when it seeks) is
 * normal and not logged. A response in flight holds one thread; ffmpeg reading an input keeps one
 * busy for as long as it reads, so size the pool for the concurrent readers of this node.
 */
public final class LoopbackServer implements AutoCloseable {

  /** Request threads unless configured otherwise: a probe or transcode uses one or two at once. */
  public static final int DEFAULT_THREADS = 4;

  private static final Logger LOG = Logger.getLogger(LoopbackServer.class.getName());
  private static final String RESOURCE = "/input";
  private static final int TOKEN_BYTES = 32;
  private static final int BUFFER = 64 * 1024;

  private final HttpServer server;
  private final ExecutorService threads;
  private final Map<String, Published> published = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private volatile boolean closed;

  private LoopbackServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /** Starts a server on an ephemeral port of 127.0.0.1 with {@link #DEFAULT_THREADS} threads. */
  public static LoopbackServer start() throws IOException {
    return start(DEFAULT_THREADS);
  }

  /** Starts a server on an ephemeral port of 127.0.0.1 answering on {@code threads} threads. */
  public static LoopbackServer start(int threads) throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("at least one thread");
    }
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    LoopbackServer loopback = new LoopbackServer(server, pool);
    server.createContext("/", loopback::handle);
    server.setExecutor(pool);
    server.start();
    return loopback;
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Publishes {@code source} under a fresh URL with a 256-bit random token, guarded by a second
   * 256-bit secret, until the lease is closed. The source's size is read once, now.
   *
   * @throws IllegalStateException when the server is closed
   */
  public Lease publish(RangeSource source) {
    Objects.requireNonNull(source, "source");
    if (closed) {
      throw new IllegalStateException("loopback server is closed");
    }
    long size = source.size();
    String token = randomText();
    String secret = randomText();
    byte[] credentials =
        ("Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (MediaInput.PROXY_USER + ":" + secret).getBytes(StandardCharsets.UTF_8)))
            .getBytes(StandardCharsets.UTF_8);
    published.put(token, new Published(new SizedSource(source, size), credentials));
    URI uri = URI.create("http://127.0.0.1:" + port() + "/" + token + RESOURCE);
    return new Lease(this, token, MediaInput.loopback(uri, size, secret));
  }

  /** Stops answering at once; running responses are cut off and every lease is withdrawn. */
  @Override
  public void close() {
    closed = true;
    published.clear();
    server.stop(0);
    threads.shutdownNow();
  }

  private String randomText() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private void handle(HttpExchange exchange) {
    try {
      URI uri = exchange.getRequestURI();
      // ffmpeg never adds a query; refusing one keeps "?x.ts" tricks in a playlist out.
      Published entry = uri.getRawQuery() == null ? lookUp(uri.getRawPath()) : null;
      if (entry == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (!entry.admits(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
        exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"kursfilm\"");
        exchange.sendResponseHeaders(407, -1);
        return;
      }
      RangeSource source = entry.source();
      String method = exchange.getRequestMethod();
      if (!"GET".equals(method) && !"HEAD".equals(method)) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      respond(exchange, source, "HEAD".equals(method));
    } catch (IOException e) {
      LOG.log(Level.FINE, "loopback client went away", e);
    } finally {
      // Also cuts the connection when a body ended short of its Content-Length.
      exchange.close();
    }
  }

  /** What is published under {@code /<token>/input}, or {@code null}. */
  private Published lookUp(String path) {
    if (path == null || !path.startsWith("/") || !path.endsWith(RESOURCE)) {
      return null;
    }
    return published.get(path.substring(1, path.length() - RESOURCE.length()));
  }

  private void respond(HttpExchange exchange, RangeSource source, boolean head) throws IOException {
    long size = source.size();
    exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
    Optional<ByteRange> range;
    try {
      range = ByteRange.parse(exchange.getRequestHeaders().getFirst("Range"), size);
    } catch (ByteRange.NotSatisfiableException e) {
      exchange.getResponseHeaders().set("Content-Range", ByteRange.unsatisfiedContentRange(size));
      exchange.sendResponseHeaders(416, -1);
      return;
    }
    long offset = range.map(ByteRange::first).orElse(0L);
    long length = range.map(ByteRange::length).orElse(size);
    boolean bodyFollows = !head && length > 0;
    InputStream body = bodyFollows ? open(source, offset, length) : InputStream.nullInputStream();
    if (body == null) {
      exchange.sendResponseHeaders(500, -1);
      return;
    }
    range.ifPresent(r -> exchange.getResponseHeaders().set("Content-Range", r.contentRange(size)));
    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
    exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
    try (body) {
      // -1: no body follows (a HEAD, or nothing to send); the header above states the length.
      exchange.sendResponseHeaders(range.isPresent() ? 206 : 200, bodyFollows ? length : -1);
      if (bodyFollows) {
        copy(body, exchange.getResponseBody(), length);
      }
    }
  }

  /** The source's range, or {@code null} when it cannot be opened (answered with a 500). */
  private static InputStream open(RangeSource source, long offset, long length) {
    try {
      return source.open(offset, length);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "loopback source could not be opened", e);
      return null;
    }
  }

  /**
   * Copies exactly {@code length} bytes. When the source fails, the response stays short of its
   * Content-Length and the connection is closed, so ffmpeg sees an error instead of a clean end.
   */
  private static void copy(InputStream body, OutputStream out, long length) {
    byte[] buffer = new byte[BUFFER];
    long remaining = length;
    while (remaining > 0) {
      int n;
      try {
        n = body.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "loopback source failed while streaming", e);
        return;
      }
      if (n < 0) {
        LOG.warning("loopback source ended before the range did");
        return;
      }
      try {
        out.write(buffer, 0, n);
      } catch (IOException e) {
        LOG.log(Level.FINE, "loopback client went away", e);
        return;
      }
      remaining -= n;
    }
  }

  private void withdraw(String token) {
    published.remove(token);
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread thread = new Thread(r, "kf-loopback-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A published source and the {@code Proxy-Authorization} value that opens it. */
  private record Published(RangeSource source, byte[] credentials) {
    boolean admits(String authorization) {
      return authorization != null
          && MessageDigest.isEqual(credentials, authorization.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A source with the size it had when published, so every response states the same size. */
  private record SizedSource(RangeSource source, long size) implements RangeSource {
    @Override
    public InputStream open(long offset, long length) throws IOException {
      return source.open(offset, length);
    }
  }

  /**
   * One published source: its {@link #input()} is what ffmpeg is given (URL and environment);
   * {@link #close()} withdraws it (404 afterwards), while a response already running ends normally.
   */
  public static final class Lease implements AutoCloseable {
    private final LoopbackServer server;
    private final String token;
    private final MediaInput input;

    private Lease(LoopbackServer server, String token, MediaInput input) {
      this.server = server;
      this.token = token;
      this.input = input;
    }

    public MediaInput input() {
      return input;
    }

    @Override
    public void close() {
      server.withdraw(token);
    }

    /** Leaves the URL out: whoever holds it can read the upload. */
    @Override
    public String toString() {
      return "Lease[size=" + input.size() + "]";
    }
  }
}
