import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kursfilm.quiz.boundary.Option;
import io.kursfilm.quiz.boundary.Question;
import io.kursfilm.quiz.boundary.QuizDefinition;
import io.kursfilm.quiz.control.QuizScoring;
import io.kursfilm.quiz.entity.AttemptOutcome;
import io.kursfilm.tenant.control.SlugIndex;
import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.storage.keys.KeyStoreSettings;
import io.kursfilm.storage.keys.LocalKeyStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Bench-only seeder for infra/bench/quiz-results: writes employees and submitted attempts of one
 * quiz straight into the database of a local installation, sealed exactly as the app seals them
 * (storage's FieldCipher with the installation's key store, row-bound {@code f2:} values, the
 * tenant's blind index for e-mail addresses), so reading them back costs what real rows cost.
 * Scores come from the app's own QuizScoring over the quiz's stored (decrypted) definition.
 *
 * <p>Never part of the app: production has no way to write users or attempts without invitations
 * and real submissions. Idempotent for users (found by their e-mail's blind index); the quiz's
 * attempts are replaced on every run.
 *
 * <p>Run with the worker jar (storage, Tink, MariaDB driver, Jackson) and the ejb classes on the
 * class path: {@code java -cp worker.jar:ejb/target/classes QuizSeed.java tenantSlug quizId
 * employees attempts}; the database and key store come from the environment ({@code BENCH_DB_URL},
 * {@code BENCH_DB_USER}, {@code BENCH_DB_PASSWORD}, {@code BENCH_KEYSTORE_DIR}), never the command
 * line.
 */
public class QuizSeed {

  private static final int BATCH = 500;
  private static final Random RANDOM = new Random(20261206L);

  public static void main(String[] a) throws Exception {
    String slug = a[0];
    String quizId = a[1];
    int employees = Integer.parseInt(a[2]);
    int attempts = Integer.parseInt(a[3]);
    LocalKeyStore keys =
        new KeyStoreSettings(
                Path.of(env("BENCH_KEYSTORE_DIR")),
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty(),
                Duration.ofMinutes(5))
            .open();
    FieldCipher cipher = new FieldCipher(keys, Duration.ofMinutes(5), Clock.systemUTC());
    try (Connection db =
        DriverManager.getConnection(
            env("BENCH_DB_URL"), env("BENCH_DB_USER"), env("BENCH_DB_PASSWORD"))) {
      db.setAutoCommit(false);
      String tenantId;
      byte[] indexKey;
      // Slugs are sealed since V17: the tenant is found by its index under the directory key.
      try (PreparedStatement q =
          db.prepareStatement(
              "SELECT id, index_key FROM tenant WHERE slug_index = ?"
                  + " OR (slug_index IS NULL AND slug = ?)")) {
        q.setString(1, SlugIndex.of(keys.platformKeysets(), slug));
        q.setString(2, slug);
        try (ResultSet r = q.executeQuery()) {
          if (!r.next()) {
            throw new IllegalArgumentException("no tenant " + slug);
          }
          tenantId = r.getString(1);
          indexKey = r.getBytes(2);
        }
      }
      QuizDefinition quiz = definition(db, cipher, tenantId, quizId);
      long start = System.nanoTime();
      List<String> users = employees(db, cipher, tenantId, indexKey, slug, employees);
      db.commit();
      System.out.printf("employees: %d (%.1f s)%n", users.size(), seconds(start));
      start = System.nanoTime();
      int written = attempts(db, cipher, tenantId, quizId, quiz, users, attempts);
      db.commit();
      System.out.printf("attempts: %d submitted (%.1f s)%n", written, seconds(start));
    }
  }

  private static QuizDefinition definition(
      Connection db, FieldCipher cipher, String tenantId, String quizId) throws Exception {
    try (PreparedStatement q =
        db.prepareStatement("SELECT definition FROM quiz WHERE id = ? AND tenant_id = ?")) {
      q.setString(1, quizId);
      q.setString(2, tenantId);
      try (ResultSet r = q.executeQuery()) {
        if (!r.next()) {
          throw new IllegalArgumentException("no quiz " + quizId + " in the tenant");
        }
        String json =
            cipher.decrypt(
                tenantId, new FieldCipher.Row("quiz", quizId), "definition", r.getString(1));
        return new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .readValue(json, QuizDefinition.class);
      }
    }
  }

  /** The ids of employees bench-employee-1 … n of the tenant, created where missing. */
  private static List<String> employees(
      Connection db, FieldCipher cipher, String tenantId, byte[] indexKey, String slug, int n)
      throws Exception {
    Map<String, String> byIndex = new HashMap<>();
    try (PreparedStatement q =
        db.prepareStatement("SELECT email_index, id FROM app_user WHERE tenant_id = ?")) {
      q.setString(1, tenantId);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          byIndex.put(r.getString(1), r.getString(2));
        }
      }
    }
    List<String> ids = new ArrayList<>();
    try (PreparedStatement user =
            db.prepareStatement(
                "INSERT INTO app_user (id, tenant_id, email, email_index, display_name, active,"
                    + " email_verified, created_at, version, session_epoch)"
                    + " VALUES (?, ?, ?, ?, ?, TRUE, TRUE, ?, 0, 0)");
        PreparedStatement role =
            db.prepareStatement("INSERT INTO user_role (user_id, role) VALUES (?, 'EMPLOYEE')")) {
      int pending = 0;
      for (int i = 1; i <= n; i++) {
        String email = String.format("bench-employee-%05d@%s.example", i, slug);
        String index = cipher.blindIndex(tenantId, indexKey, "user.email", email);
        String id = byIndex.get(index);
        if (id == null) {
          id = UUID.randomUUID().toString();
          FieldCipher.Row row = new FieldCipher.Row("app_user", id);
          user.setString(1, id);
          user.setString(2, tenantId);
          user.setString(3, cipher.encrypt(tenantId, row, "user.email", email));
          user.setString(4, index);
          user.setString(
              5, cipher.encrypt(tenantId, row, "user.display_name", displayName(i)));
          user.setTimestamp(6, Timestamp.from(Instant.now()));
          user.addBatch();
          role.setString(1, id);
          role.addBatch();
          if (++pending == BATCH) {
            user.executeBatch();
            role.executeBatch();
            pending = 0;
          }
        }
        ids.add(id);
      }
      user.executeBatch();
      role.executeBatch();
    }
    return ids;
  }

  private static final String[] FIRST = {
    "Anna", "Ben", "Clara", "David", "Elif", "Felix", "Greta", "Hannes", "Ida", "Jonas", "Katrin",
    "Lukas", "Mira", "Noah", "Olga", "Paul", "Rosa", "Sven", "Tara", "Umut"
  };
  private static final String[] LAST = {
    "Berg", "Schmidt", "Yilmaz", "Novak", "Keller", "Wagner", "Hoffmann", "Kowalski", "Fischer",
    "Lange", "Becker", "Richter", "Wolf", "Krause", "Hartmann", "Brandt", "Vogel", "Roth"
  };

  private static String displayName(int i) {
    return FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length] + " " + i;
  }

  /**
   * Replaces the quiz's attempts with {@code total} submitted ones spread over {@code users}: with
   * two or more per person on average, alternately one fewer and one more (some retried, some did
   * not), as far as the quiz's attempt limit allows.
   */
  private static int attempts(
      Connection db,
      FieldCipher cipher,
      String tenantId,
      String quizId,
      QuizDefinition quiz,
      List<String> users,
      int total)
      throws Exception {
    try (PreparedStatement delete =
        db.prepareStatement("DELETE FROM quiz_attempt WHERE quiz_id = ? AND tenant_id = ?")) {
      delete.setString(1, quizId);
      delete.setString(2, tenantId);
      delete.executeUpdate();
    }
    int[] perUser = spread(total, users.size(), quiz.maxAttempts());
    Instant base = Instant.now().minus(Duration.ofDays(30));
    int written = 0;
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO quiz_attempt (id, tenant_id, quiz_id, user_id, number, answers, outcome,"
                + " started_at, submitted_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
      for (int u = 0; u < users.size(); u++) {
        double skill = 0.3 + 0.65 * RANDOM.nextDouble();
        Instant at = base.plusSeconds(RANDOM.nextInt(30 * 24 * 3600 - 7 * 24 * 3600));
        for (int number = 1; number <= perUser[u]; number++) {
          List<List<Integer>> answers = answers(quiz, skill);
          QuizScoring.Score score = QuizScoring.score(quiz, answers);
          String id = UUID.randomUUID().toString();
          insert.setString(1, id);
          insert.setString(2, tenantId);
          insert.setString(3, quizId);
          insert.setString(4, users.get(u));
          insert.setInt(5, number);
          FieldCipher.Row row = new FieldCipher.Row("quiz_attempt", id);
          insert.setString(6, cipher.encrypt(tenantId, row, "answers", json(answers)));
          // As QuizAttempt.submit seals it, so results open it as the app's own.
          insert.setString(
              7,
              cipher.encrypt(
                  tenantId,
                  row,
                  "outcome",
                  new AttemptOutcome(score.percent(), score.passed()).text()));
          insert.setTimestamp(8, Timestamp.from(at));
          at = at.plusSeconds(60 + RANDOM.nextInt(600));
          insert.setTimestamp(9, Timestamp.from(at));
          at = at.plusSeconds(3600 + RANDOM.nextInt(48 * 3600));
          insert.addBatch();
          if (++written % BATCH == 0) {
            insert.executeBatch();
          }
          skill = Math.min(1, skill + 0.15);
        }
      }
      insert.executeBatch();
    }
    return written;
  }

  private static int[] spread(int total, int users, int max) {
    int[] per = new int[users];
    int base = total / users;
    for (int u = 0; u < users; u++) {
      per[u] = base + (u < total % users ? 1 : 0);
    }
    for (int u = 0; u + 1 < users; u += 2) {
      if (per[u] > 1 && per[u + 1] < max) {
        per[u]--;
        per[u + 1]++;
      }
    }
    for (int p : per) {
      if (p > max) {
        throw new IllegalArgumentException("more attempts per person than the quiz allows");
      }
    }
    return per;
  }

  /** Answers of someone who gets each question right with probability {@code skill}. */
  private static List<List<Integer>> answers(QuizDefinition quiz, double skill) {
    List<List<Integer>> answers = new ArrayList<>();
    for (Question q : quiz.questions()) {
      int options = q.options().size();
      boolean right = RANDOM.nextDouble() < skill;
      List<Integer> answer =
          switch (q.type()) {
            case SINGLE_CHOICE, TRUE_FALSE ->
                List.of(right ? correct(q).get(0) : RANDOM.nextInt(options));
            case MULTIPLE_CHOICE -> right ? correct(q) : someOf(options);
            case ORDERING -> right ? IntStream.range(0, options).boxed().toList() : shuffled(options);
          };
      answers.add(RANDOM.nextInt(50) == 0 ? List.of() : answer);
    }
    return answers;
  }

  private static List<Integer> correct(Question q) {
    List<Option> options = q.options();
    return IntStream.range(0, options.size()).filter(i -> options.get(i).correct()).boxed().toList();
  }

  private static List<Integer> someOf(int options) {
    List<Integer> some = new ArrayList<>();
    for (int i = 0; i < options; i++) {
      if (RANDOM.nextBoolean()) {
        some.add(i);
      }
    }
    return some.isEmpty() ? List.of(RANDOM.nextInt(options)) : some;
  }

  private static List<Integer> shuffled(int options) {
    List<Integer> order = new ArrayList<>(IntStream.range(0, options).boxed().toList());
    Collections.shuffle(order, RANDOM);
    return order;
  }

  /** The answers as QuizCodec writes them: a JSON array of option-index arrays. */
  private static String json(List<List<Integer>> answers) {
    return answers.stream()
        .map(a -> a.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")))
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " required");
    }
    return value;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
