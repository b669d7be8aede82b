import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repeatable load of issue 16: viewers paced like real players and employees browsing the
 * portal and answering the quiz, against a running Kursfilm, with the same segments fetched raw
 * from S3 at the same pace as the baseline. Used unchanged by the CI form (LoadIT, 60 s) and the
 * documented 5-minute form (infra/bench/load/run), so both measure the same thing.
 *
 * <p>JDK only, one file: {@code java Load.java key=value ...} with
 *
 * <ul>
 *   <li>{@code base=http://127.0.0.1:8080/} the app; {@code tenant=slug}; {@code video=id}, a
 *       published video of that tenant with a quiz, {@code quiz=id} its quiz;
 *   <li>{@code accounts=file}: e-mail addresses, one a line: the first {@code viewers} are viewers,
 *       the next {@code employees} browse the portal (each person one session); the shared password
 *       comes from the environment ({@code LOAD_PASSWORD}), never the command line;
 *   <li>{@code raw=file}: lines {@code <rendition path> <presigned S3 URL>} (e.g. {@code
 *       480p/seg_00001.m4s http://...}): the same bytes the app serves, stored plainly in S3;
 *   <li>{@code seconds=60}, {@code viewers=200}, {@code employees=50}, {@code pid=} the app's
 *       process (RSS and CPU from /proc), {@code threads=file} its thread dump halfway through,
 *       {@code markdown=file}, {@code tsv=file};
 *   <li>{@code warmup=0}: seconds everybody plays and browses before the measured window opens. The
 *       people join at the start of the warm-up, so with one the window shows the steady state of a
 *       warm app; without, it includes the join of all viewers within 4 s on an app the JIT has
 *       not compiled yet (the report's 30 s slices show that tail apart).
 * </ul>
 *
 * <p>Every person logs in once before the measured window (with a few logins at a time: PBKDF2 is
 * meant to be expensive; their latency is reported as its own kind). Then each viewer, starting at
 * a random moment of the first segment, fetches the master playlist, its rendition (viewers are
 * spread over the ladder round-robin), the init segment, and segment n when it is due at t0 + the
 * playing time before it, loops the video, refreshes its playlist every 30 s and reports the played
 * stretch every 10 s as the web player does. A raw viewer beside each one fetches the same segments
 * from S3 on the same schedule. Employees cycle through catalogue, assignments, continue watching,
 * the portal page, the quiz and (while attempts are left) a random answer to it, with 2-4 s of
 * thinking between requests. Any status other than 2xx or 304, and any failure or timeout (30 s),
 * is an error; the exit status is 1 when there was one. The timeout tells a hung or lost answer from
 * a slow one, whose latency the report shows: at 10 s it asserted latency in disguise, and a CI run
 * on a busy machine failed on portal pages answered in 10.2 s.
 */
public class Load {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final long PLAYLIST_REFRESH_MS = 30_000;
  private static final long PROGRESS_EVERY_MS = 10_000;
  private static final int PARALLEL_LOGINS = 4;
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern DURATION = Pattern.compile("\"durationSeconds\"\\s*:\\s*([0-9.]+)");
  private static final Pattern ATTEMPTS_USED = Pattern.compile("\"attemptsUsed\"\\s*:\\s*(\\d+)");
  private static final Pattern MAX_ATTEMPTS = Pattern.compile("\"maxAttempts\"\\s*:\\s*(\\d+)");
  private static final Pattern OPTIONS = Pattern.compile("\"options\"\\s*:\\s*\\[([^\\]]*)\\]");

  private final Map<String, String> args;
  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  private final ScheduledExecutorService clock =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "load-clock");
            t.setDaemon(true); // a failed run must end, not hang on its schedule
            return t;
          });
  private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final Map<String, AtomicInteger> errorCauses = new ConcurrentHashMap<>();
  private final Map<String, String> raw = new HashMap<>();
  private volatile boolean running;
  private volatile long windowStart;

  Load(Map<String, String> args) throws IOException {
    this.args = args;
    String b = args.get("base");
    this.base = URI.create(b.endsWith("/") ? b : b + "/");
    if (args.containsKey("raw")) {
      for (String line : Files.readAllLines(Path.of(args.get("raw")))) {
        String[] parts = line.trim().split("\\s+", 2);
        if (parts.length == 2) {
          raw.put(parts[0], parts[1]);
        }
      }
    }
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new HashMap<>();
    for (String a : argv) {
      int eq = a.indexOf('=');
      args.put(a.substring(0, eq), a.substring(eq + 1));
    }
    int status;
    try {
      status = new Load(args).run() ? 0 : 1;
    } catch (Throwable failed) {
      failed.printStackTrace();
      status = 2;
    }
    System.exit(status);
  }

  boolean run() throws Exception {
    int seconds = Integer.parseInt(args.getOrDefault("seconds", "60"));
    int warmup = Integer.parseInt(args.getOrDefault("warmup", "0"));
    int viewers = Integer.parseInt(args.getOrDefault("viewers", "200"));
    int employees = Integer.parseInt(args.getOrDefault("employees", "50"));
    List<String> accounts =
        Files.readAllLines(Path.of(args.get("accounts"))).stream()
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    if (accounts.size() < viewers + employees) {
      throw new IllegalArgumentException("need " + (viewers + employees) + " accounts");
    }
    long loginStart = System.nanoTime();
    List<String> tokens = login(accounts.subList(0, viewers + employees));
    double loginSeconds = (System.nanoTime() - loginStart) / 1e9;

    running = true;
    windowStart = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
    Random random = new Random(16);
    for (int i = 0; i < viewers; i++) {
      new Viewer(i, tokens.get(i)).start(random.nextInt(4000));
    }
    for (int i = 0; i < employees; i++) {
      new Employee(tokens.get(viewers + i), new Random(i)).start(random.nextInt(4000));
    }
    Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
    Usage app = args.containsKey("pid") ? new Usage(Long.parseLong(args.get("pid"))) : null;
    Usage self = new Usage(ProcessHandle.current().pid());
    String loadBefore = loadAverage();
    long end = windowStart + TimeUnit.SECONDS.toNanos(seconds);
    long middle = windowStart + TimeUnit.SECONDS.toNanos(seconds) / 2;
    boolean dumped = false;
    while (System.nanoTime() < end) {
      if (app != null) {
        app.sampleRss();
      }
      if (!dumped && System.nanoTime() > middle && args.containsKey("threads")) {
        dumped = true;
        threadDump(Long.parseLong(args.get("pid")), Path.of(args.get("threads")));
      }
      Thread.sleep(1000);
    }
    running = false;
    String loadAfter = loadAverage();
    double window = (System.nanoTime() - windowStart) / 1e9;
    if (app != null) {
      app.finish();
    }
    self.finish();
    // Requests already sent still count: wait for them (each ends within its timeout).
    long drain = System.nanoTime() + TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(2);
    while (inFlight.get() > 0 && System.nanoTime() < drain) {
      Thread.sleep(100);
    }
    clock.shutdownNow();
    Report report =
        new Report(
            kinds,
            window,
            warmup,
            loginSeconds,
            viewers,
            employees,
            maxInFlight.get(),
            app,
            self,
            errorCauses,
            errorSamples);
    String machine =
        String.format(
            "Machine: %d cores; load average (1 min) %s at the start, %s at the end.%n",
            Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
    System.out.print(report.markdown() + machine);
    if (args.containsKey("markdown")) {
      Files.writeString(Path.of(args.get("markdown")), report.markdown() + machine);
    }
    if (args.containsKey("tsv")) {
      Files.writeString(Path.of(args.get("tsv")), report.tsv());
    }
    return report.errors() == 0 && inFlight.get() == 0;
  }

  /**
   * The app's threads halfway through the window ({@code threads=file}, with {@code pid}): where
   * its request threads wait when latencies grow. Best effort; the run goes on without it.
   */
  private static void threadDump(long pid, Path file) {
    try {
      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
          .redirectErrorStream(true)
          .redirectOutput(file.toFile())
          .start();
    } catch (IOException e) {
      System.err.println("no thread dump: " + e);
    }
  }

  /** The 1-minute load average: other work on the machine shows in the latencies. */
  private static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
  }

  /** Opens one session per account, a few at a time; the tokens in the accounts' order. */
  private List<String> login(List<String> emails) throws Exception {
    String password = System.getenv("LOAD_PASSWORD");
    Semaphore slots = new Semaphore(PARALLEL_LOGINS);
    List<CompletableFuture<String>> tokens = new ArrayList<>();
    for (String email : emails) {
      slots.acquire();
      String body =
          "{\"tenant\":\""
              + args.get("tenant")
              + "\",\"email\":\""
              + email
              + "\",\"password\":\""
              + password
              + "\"}";
      HttpRequest request =
          request("api/v1/sessions", null)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      tokens.add(
          send("login", request)
              .whenComplete((r, e) -> slots.release())
              .thenApply(
                  r -> {
                    Matcher m = TOKEN.matcher(r == null ? "" : r.text());
                    if (!m.find()) {
                      throw new IllegalStateException("login of an account failed");
                    }
                    return m.group(1);
                  }));
    }
    List<String> result = new ArrayList<>();
    for (CompletableFuture<String> t : tokens) {
      result.add(t.get());
    }
    return result;
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Accept-Language", "en");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private CompletableFuture<Reply> get(String kind, String path, String token) {
    return send(kind, request(path, token).GET().build());
  }

  private CompletableFuture<Reply> postJson(String kind, String path, String token, String json) {
    return send(
        kind,
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /**
   * Sends and records the request under {@code kind}; completes with the reply, or null after an
   * error (already recorded), so that a person's next step can still be scheduled.
   */
  private CompletableFuture<Reply> send(String kind, HttpRequest request) {
    return send(kind, request, true);
  }

  /** Media is counted and dropped as it arrives ({@code keep} false): 250 players hold no bytes. */
  private CompletableFuture<Reply> send(String kind, HttpRequest request, boolean keep) {
    Kind k = kinds.computeIfAbsent(kind, Kind::new);
    java.util.concurrent.atomic.AtomicLong size = new java.util.concurrent.atomic.AtomicLong();
    HttpResponse.BodyHandler<byte[]> handler =
        keep
            ? HttpResponse.BodyHandlers.ofByteArray()
            : info ->
                HttpResponse.BodySubscribers.mapping(
                    HttpResponse.BodySubscribers.ofByteArrayConsumer(
                        chunk -> chunk.ifPresent(b -> size.addAndGet(b.length))),
                    ignored -> new byte[0]);
    long start = System.nanoTime();
    // Latencies count for requests sent in the window (logins come before it); errors always.
    boolean counted = running && start >= windowStart || kind.equals("login");
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    return http.sendAsync(request, handler)
        .handle(
            (response, failure) -> {
              inFlight.decrementAndGet();
              long micros = (System.nanoTime() - start) / 1000;
              int status = response == null ? 0 : response.statusCode();
              boolean ok = failure == null && (status / 100 == 2 || status == 304);
              long bytes = response == null ? 0 : response.body().length + size.get();
              k.record(
                  micros, ok, bytes, counted, (int) ((start - windowStart) / 1_000_000_000L));
              if (!ok) {
                String what = failure != null ? failure.toString() : "HTTP " + status;
                String cause =
                    failure == null
                        ? what
                        : (failure.getCause() != null ? failure.getCause() : failure)
                            .getClass()
                            .getSimpleName();
                errorCauses
                    .computeIfAbsent(kind + ": " + cause, c -> new AtomicInteger())
                    .incrementAndGet();
                if (errorSamples.size() < 10) {
                  errorSamples.add(kind + " " + request.uri().getPath() + ": " + what);
                }
                return null;
              }
              return new Reply(response.body());
            });
  }

  private void later(long delayMs, Runnable step) {
    if (running) {
      clock.schedule(step, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
    }
  }

  /** A response body. */
  record Reply(byte[] body) {
    String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** One person watching the video in the web player, with a raw-S3 twin on the same schedule. */
  private final class Viewer {
    private final int index;
    private final String token;
    private final String hls;
    private String rendition;
    private String init;
    private final List<String> segments = new ArrayList<>();
    private final List<Double> starts = new ArrayList<>();
    private double length;
    private double videoSeconds = Double.MAX_VALUE;
    private long t0;
    private double reported;

    Viewer(int index, String token) {
      this.index = index;
      this.token = token;
      this.hls = "api/v1/videos/" + args.get("video") + "/hls/";
    }

    void start(long delayMs) {
      later(delayMs, this::open);
    }

    private void open() {
      get("progress-read", "api/v1/progress/" + args.get("video"), token)
          .thenAccept(
              r -> {
                Matcher m = DURATION.matcher(r == null ? "" : r.text());
                if (m.find()) {
                  videoSeconds = Double.parseDouble(m.group(1));
                }
              });
      get("playlist-master", hls + "master.m3u8", token)
          .thenCompose(
              master -> {
                List<String> variants = master == null ? List.of() : uris(master.text());
                if (variants.isEmpty()) {
                  return CompletableFuture.completedFuture(null);
                }
                rendition = variants.get(index % variants.size());
                return get("playlist-media", hls + rendition, token);
              })
          .thenAccept(
              media -> {
                if (media == null) {
                  return;
                }
                parse(media.text());
                String dir = rendition.substring(0, rendition.lastIndexOf('/') + 1);
                if (init != null) {
                  media("segment", hls + dir + init);
                  fetchRaw(dir + init);
                }
                t0 = System.nanoTime();
                segment(0);
                later(PLAYLIST_REFRESH_MS, this::refresh);
                later(PROGRESS_EVERY_MS, this::report);
              });
    }

    private void parse(String playlist) {
      double at = 0;
      for (String line : playlist.split("\n")) {
        line = line.trim();
        if (line.startsWith("#EXT-X-MAP:")) {
          Matcher m = Pattern.compile("URI=\"([^\"]+)\"").matcher(line);
          init = m.find() ? m.group(1) : null;
        } else if (line.startsWith("#EXTINF:")) {
          starts.add(at);
          at += Double.parseDouble(line.substring(8, line.indexOf(',')));
        } else if (!line.isEmpty() && !line.startsWith("#")) {
          segments.add(line);
        }
      }
      length = at;
    }

    /** Fetches segment n (of the endless loop) and schedules the next one for when it is due. */
    private void segment(long n) {
      int i = (int) (n % segments.size());
      String dir = rendition.substring(0, rendition.lastIndexOf('/') + 1);
      media("segment", hls + dir + segments.get(i));
      fetchRaw(dir + segments.get(i));
      long next = n + 1;
      long dueMs =
          (long)
              (((next / segments.size()) * length + starts.get((int) (next % segments.size())))
                  * 1000);
      long waitMs = dueMs - (System.nanoTime() - t0) / 1_000_000;
      later(waitMs, () -> segment(next));
    }

    private void media(String kind, String path) {
      send(kind, request(path, token).GET().build(), false);
    }

    private void fetchRaw(String path) {
      String url = raw.get(path);
      if (url != null) {
        send(
            "raw-s3-segment",
            HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
            false);
      }
    }

    private void refresh() {
      get("playlist-media", hls + rendition, token);
      later(PLAYLIST_REFRESH_MS, this::refresh);
    }

    /** Reports the stretch played since the last report, as the player does every 10 s. */
    private void report() {
      double end = Math.min(length, videoSeconds);
      double position = ((System.nanoTime() - t0) / 1e9) % end;
      String intervals =
          position >= reported
              ? "[[" + fmt(reported) + "," + fmt(position) + "]]"
              : "[[" + fmt(reported) + "," + fmt(end) + "],[0," + fmt(position) + "]]";
      postJson(
          "progress",
          "api/v1/progress",
          token,
          "{\"videoId\":\""
              + args.get("video")
              + "\",\"intervals\":"
              + intervals
              + ",\"position\":"
              + fmt(position)
              + "}");
      reported = position;
      later(PROGRESS_EVERY_MS, this::report);
    }
  }

  private static String fmt(double seconds) {
    return String.format(Locale.ROOT, "%.1f", Math.floor(seconds * 10) / 10);
  }

  private static List<String> uris(String playlist) {
    List<String> found = new ArrayList<>();
    for (String line : playlist.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        found.add(line.trim());
      }
    }
    return found;
  }

  /** One employee in the learning portal: browsing, then the quiz, round and round. */
  private final class Employee {
    private final String token;
    private final Random random;
    private int step;

    Employee(String token, Random random) {
      this.token = token;
      this.random = random;
    }

    void start(long delayMs) {
      later(delayMs, this::next);
    }

    private void next() {
      String quiz = "api/v1/quizzes/" + args.get("quiz");
      CompletableFuture<Reply> done =
          switch (step++ % 6) {
            case 0 -> get("catalogue", "api/v1/catalogue", token);
            case 1 -> get("assignments", "api/v1/assignments", token);
            case 2 -> get("continue-watching", "api/v1/progress?continue=true", token);
            case 3 -> get("portal-page", "portal/index.xhtml", token);
            case 4 -> get("quiz-take", quiz + "/take", token).thenApply(this::remember);
            default -> answer(quiz);
          };
      done.whenComplete((r, e) -> later(2000 + random.nextInt(2000), this::next));
    }

    private String lastQuiz;

    private Reply remember(Reply take) {
      lastQuiz = take == null ? null : take.text();
      return take;
    }

    /** A random answer to every question, while the quiz still allows an attempt. */
    private CompletableFuture<Reply> answer(String quiz) {
      if (lastQuiz == null) {
        return CompletableFuture.completedFuture(null);
      }
      Matcher used = ATTEMPTS_USED.matcher(lastQuiz);
      Matcher max = MAX_ATTEMPTS.matcher(lastQuiz);
      if (used.find()
          && max.find()
          && Integer.parseInt(used.group(1)) >= Integer.parseInt(max.group(1))) {
        return get("quiz-attempts-read", quiz + "/attempts", token);
      }
      StringBuilder answers = new StringBuilder("[");
      Matcher options = OPTIONS.matcher(lastQuiz);
      while (options.find()) {
        int count = options.group(1).split("\"index\"").length - 1;
        answers
            .append(answers.length() > 1 ? "," : "")
            .append('[')
            .append(random.nextInt(Math.max(1, count)))
            .append(']');
      }
      return postJson("quiz-attempt", quiz + "/attempts", token, "{\"answers\":" + answers + "]}");
    }
  }

  /** Latencies, errors and bytes of one kind of request. */
  static final class Kind {
    final String name;
    final List<Long> micros = Collections.synchronizedList(new ArrayList<>());
    /** The second of the window each latency's request was sent in, index for index. */
    private final List<Integer> sentAt = new ArrayList<>();
    final AtomicInteger errors = new AtomicInteger();
    final java.util.concurrent.atomic.AtomicLong bytes =
        new java.util.concurrent.atomic.AtomicLong();

    Kind(String name) {
      this.name = name;
    }

    void record(long latencyMicros, boolean ok, long size, boolean inWindow, int second) {
      if (!ok) {
        errors.incrementAndGet(); // an error counts wherever it happened
      }
      if (inWindow) {
        synchronized (micros) {
          micros.add(latencyMicros);
          sentAt.add(second);
        }
        bytes.addAndGet(size);
      }
    }

    double percentileMs(double p) {
      return percentileMs(p, 0, Integer.MAX_VALUE);
    }

    /** The percentile of the requests sent in seconds {@code [from, to)} of the window. */
    double percentileMs(double p, int from, int to) {
      List<Long> sorted = new ArrayList<>();
      synchronized (micros) {
        for (int i = 0; i < micros.size(); i++) {
          if (sentAt.get(i) >= from && sentAt.get(i) < to) {
            sorted.add(micros.get(i));
          }
        }
      }
      if (sorted.isEmpty()) {
        return 0;
      }
      Collections.sort(sorted);
      int rank = (int) Math.ceil(p / 100 * sorted.size());
      return sorted.get(Math.max(0, rank - 1)) / 1000.0;
    }
  }

  /** CPU time (utime + stime) and resident memory of a process, from /proc. */
  static final class Usage {
    final long pid;
    final long startTicks;
    final long startNanos = System.nanoTime();
    long rssMaxKb;
    long rssEndKb;
    double cpuSeconds;
    double wallSeconds;

    Usage(long pid) throws IOException {
      this.pid = pid;
      this.startTicks = ticks();
      sampleRss();
    }

    private long ticks() throws IOException {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // Fields after the command name, which is in parentheses and may hold spaces.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
    }

    void sampleRss() throws IOException {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          rssEndKb = Long.parseLong(line.replaceAll("\\D", ""));
          rssMaxKb = Math.max(rssMaxKb, rssEndKb);
        }
      }
    }

    void finish() throws IOException {
      sampleRss();
      wallSeconds = (System.nanoTime() - startNanos) / 1e9;
      cpuSeconds = (ticks() - startTicks) / 100.0; // USER_HZ is 100 on Linux
    }

    String cpuShare() {
      return String.format(Locale.ROOT, "%.0f %%", 100 * cpuSeconds / wallSeconds);
    }
  }

  /** The table: one row per kind of request, then the ratio to raw S3 and the processes' use. */
  record Report(
      Map<String, Kind> kinds,
      double window,
      int warmup,
      double loginSeconds,
      int viewers,
      int employees,
      int maxInFlight,
      Usage app,
      Usage self,
      Map<String, AtomicInteger> errorCauses,
      ConcurrentLinkedQueue<String> errorSamples) {

    int errors() {
      return kinds.values().stream().mapToInt(k -> k.errors.get()).sum();
    }

    private Map<String, Kind> ordered() {
      Map<String, Kind> sorted = new LinkedHashMap<>();
      kinds.keySet().stream().sorted().forEach(k -> sorted.put(k, kinds.get(k)));
      return sorted;
    }

    String markdown() {
      StringBuilder md = new StringBuilder();
      md.append(
          String.format(
              Locale.ROOT,
              "%d viewers and %d employees for %.0f s after %d s of warm-up (logins before: %.1f s)%n%n",
              viewers,
              employees,
              window,
              warmup,
              loginSeconds));
      md.append("| request kind | count | errors | p50 ms | p95 ms | p99 ms | req/s | MB/s |\n");
      md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
      for (Kind k : ordered().values()) {
        double span = k.name.equals("login") ? loginSeconds : window;
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.2f |%n",
                k.name,
                k.micros.size(),
                k.errors.get(),
                k.percentileMs(50),
                k.percentileMs(95),
                k.percentileMs(99),
                k.micros.size() / span,
                k.bytes.get() / span / 1e6));
      }
      Kind app = kinds.get("segment");
      Kind s3 = kinds.get("raw-s3-segment");
      if (app != null && s3 != null) {
        md.append(
            String.format(
                Locale.ROOT,
                "%nSegments, app vs raw S3 at the same pace: p50 %.1f vs %.1f ms (%.1fx),"
                    + " p99 %.1f vs %.1f ms (%.1fx).%n",
                app.percentileMs(50),
                s3.percentileMs(50),
                app.percentileMs(50) / Math.max(0.001, s3.percentileMs(50)),
                app.percentileMs(99),
                s3.percentileMs(99),
                app.percentileMs(99) / Math.max(0.001, s3.percentileMs(99))));
      }
      if (app != null) {
        md.append(slices(app));
      }
      md.append(
          String.format(
              Locale.ROOT,
              "%nErrors: %d. Requests in flight at most: %d.%n",
              errors(),
              maxInFlight));
      if (this.app != null) {
        md.append(
            String.format(
                Locale.ROOT,
                "App process: RSS %d MB at the end, %d MB at most; CPU %s of one core"
                    + " (%.1f s in %.0f s; %d cores).%n",
                this.app.rssEndKb / 1024,
                this.app.rssMaxKb / 1024,
                this.app.cpuShare(),
                this.app.cpuSeconds,
                this.app.wallSeconds,
                Runtime.getRuntime().availableProcessors()));
      }
      md.append(
          String.format(
              Locale.ROOT,
              "Load client (same machine): CPU %s of one core, RSS %d MB.%n",
              self.cpuShare(),
              self.rssEndKb / 1024));
      errorCauses.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  md.append("\n- errors of ").append(e.getKey()).append(": ").append(e.getValue()));
      for (String e : errorSamples) {
        md.append("\n- error: ").append(e);
      }
      return md.append('\n').toString();
    }

    /**
     * Segment latency by 30 s of the window: the viewers join in the first seconds of a fresh
     * start, so its tail shows apart from the steady state's.
     */
    private String slices(Kind segments) {
      StringBuilder line = new StringBuilder("\nSegments by 30 s of the window, p50/p99 ms:");
      for (int from = 0; from < window; from += 30) {
        line.append(
            String.format(
                Locale.ROOT,
                " %d-%d s %.1f/%.1f;",
                from,
                from + 30,
                segments.percentileMs(50, from, from + 30),
                segments.percentileMs(99, from, from + 30)));
      }
      return line
          .append(
              String.format(
                  Locale.ROOT,
                  " after the first 30 s: p50 %.1f, p95 %.1f, p99 %.1f.%n",
                  segments.percentileMs(50, 30, Integer.MAX_VALUE),
                  segments.percentileMs(95, 30, Integer.MAX_VALUE),
                  segments.percentileMs(99, 30, Integer.MAX_VALUE)))
          .toString();
    }

    String tsv() {
      StringBuilder t = new StringBuilder("kind\tcount\terrors\tp50_ms\tp95_ms\tp99_ms\tbytes\n");
      for (Kind k : ordered().values()) {
        t.append(
            String.format(
                Locale.ROOT,
                "%s\t%d\t%d\t%.1f\t%.1f\t%.1f\t%d%n",
                k.name,
                k.micros.size(),
                k.errors.get(),
                k.percentileMs(50),
                k.percentileMs(95),
                k.percentileMs(99),
                k.bytes.get()));
      }
      t.append("window_s\t").append(String.format(Locale.ROOT, "%.1f", window)).append('\n');
      if (app != null) {
        t.append("app_rss_kb\t").append(app.rssEndKb).append('\n');
        t.append("app_rss_max_kb\t").append(app.rssMaxKb).append('\n');
        t.append("app_cpu_s\t")
            .append(String.format(Locale.ROOT, "%.1f", app.cpuSeconds))
            .append('\n');
      }
      return t.toString();
    }
  }
}
