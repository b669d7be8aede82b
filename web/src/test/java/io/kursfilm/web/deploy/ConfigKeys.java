package io.kursfilm.web.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application's configuration keys: those of the defaults file (set or commented out, as the
 * secrets are) and those of README's settings table, with the ones marked required.
 */
final class ConfigKeys {

  static final Path DEFAULTS =
      DeployFiles.ROOT.resolve(
          "transcoder/src/main/resources/META-INF/microprofile-config.properties");
  static final Path README = DeployFiles.ROOT.resolve("README.md");

  /** {@code kursfilm.x=…} or {@code # kursfilm.x=…} at the start of a line. */
  private static final Pattern PROPERTY =
      Pattern.compile("^#?\\s*(kursfilm\\.[a-z0-9.-]+)\\s*=(.*)$");

  private static final Pattern TABLE_KEY = Pattern.compile("`(kursfilm\\.[a-z0-9.-]+)`");

  private final Set<String> all;
  private final Set<String> required;
  private final Map<String, String> byEnvironmentName = new HashMap<>();

  private ConfigKeys(Set<String> all, Set<String> required) {
    this.all = all;
    this.required = required;
    all.forEach(key -> byEnvironmentName.put(environmentName(key), key));
  }

  static ConfigKeys load() {
    Set<String> all = new TreeSet<>();
    Set<String> required = new TreeSet<>();
    try {
      for (String line : Files.readAllLines(DEFAULTS)) {
        Matcher m = PROPERTY.matcher(line);
        if (m.matches()) {
          all.add(m.group(1));
          if (m.group(2).contains("(required)")) {
            required.add(m.group(1));
          }
        }
      }
      for (String line : Files.readAllLines(README)) {
        if (line.startsWith("| `kursfilm.")) {
          String[] cells = line.split("\\|");
          Matcher m = TABLE_KEY.matcher(cells[1]);
          while (m.find()) {
            all.add(m.group(1));
            if (cells.length > 2 && cells[2].contains("(required)")) {
              required.add(m.group(1));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ConfigKeys(all, required);
  }

  /**
   * MicroProfile Config's environment form of a key: upper case, every character that is not a
   * letter or digit an underscore ({@code kursfilm.s3.max-connections} is {@code
   * KURSFILM_S3_MAX_CONNECTIONS}).
   */
  static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
  }

  Set<String> all() {
    return all;
  }

  Set<String> required() {
    return required;
  }

  boolean isKey(String environmentName) {
    return byEnvironmentName.containsKey(environmentName);
  }
}
