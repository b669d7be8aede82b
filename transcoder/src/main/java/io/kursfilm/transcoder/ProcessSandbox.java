package io.kursfilm.transcoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the process for every ffmpeg and ffprobe run, so that a parser bug triggered by an upload
 * finds nothing worth taking. The environment is never the JVM's (which holds the database
 * password, S3 secret and Vault token): only {@code PATH}, {@code LANG} and what the caller names.
 * With {@link Kind#BWRAP} the command also runs under bubblewrap in fresh namespaces (all but the
 * network, which the loopback input needs), seeing read-only {@code /usr} and the loader's files,
 * an empty {@code /tmp}, its own {@code /proc} and {@code /dev}, the files the caller lets it read,
 * and read-write only the job's own directory: not the key store, not the configuration, not other
 * jobs' directories. {@link Kind#NONE} keeps only the empty environment and must be chosen
 * explicitly ({@code kursfilm.transcode.sandbox=none}). Immutable and thread-safe.
 *
 * <p>The environment goes to bwrap through the process environment rather than {@code --setenv}:
 * bwrap's command line is readable by every local user, its environment is not; bwrap hands its
 * (already minimal) environment to the sandboxed command.
 */
public final class ProcessSandbox {

  /** How ffmpeg and ffprobe are confined. */
  public enum Kind {
    /** bubblewrap (Debian package {@code bubblewrap}). */
    BWRAP,
    /** Only the cleared environment; for hosts where bubblewrap cannot run. */
    NONE
  }

  /** Where Debian installs bubblewrap. */
  public static final Path BWRAP = Path.of("/usr/bin/bwrap");

  /** The whole environment a sandboxed command gets, plus what its caller adds. */
  private static final Map<String, String> BASE_ENVIRONMENT =
      Map.of("PATH", "/usr/bin:/bin", "LANG", "C");

  /** Top-level directories that merged-/usr systems make symlinks into /usr. */
  private static final List<String> ROOT_LINKS =
      List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");

  /** Outside /usr, what the dynamic loader and Debian's alternatives (libblas) need. */
  private static final List<String> READ_ONLY_SYSTEM =
      List.of("/etc/ld.so.cache", "/etc/alternatives");

  private final Kind kind;

  private ProcessSandbox(Kind kind) {
    this.kind = kind;
  }

  public static ProcessSandbox bwrap() {
    return new ProcessSandbox(Kind.BWRAP);
  }

  public static ProcessSandbox none() {
    return new ProcessSandbox(Kind.NONE);
  }

  /**
   * The sandbox named by the setting {@code kursfilm.transcode.sandbox}: {@code bwrap} or {@code
   * none}.
   *
   * @throws IllegalArgumentException for any other value, so a typo never turns the sandbox off
   */
  public static ProcessSandbox of(String setting) {
    String name = setting == null ? "" : setting.strip().toUpperCase(Locale.ROOT);
    try {
      return new ProcessSandbox(Kind.valueOf(name));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "kursfilm.transcode.sandbox must be bwrap or none, not '" + setting + "'", e);
    }
  }

  public Kind kind() {
    return kind;
  }

  /**
   * A process builder for {@code command} (its first element the binary's absolute path) with stdin
   * from /dev/null.
   *
   * @param writable the only directory the command may write, also its working directory; {@code
   *     null} for none (it then runs in /)
   * @param readable files or directories it may read besides the system's binaries and libraries
   * @param environment variables on top of {@code PATH} and {@code LANG}
   */
  public ProcessBuilder builder(
      List<String> command,
      Path writable,
      Collection<Path> readable,
      Map<String, String> environment) {
    Objects.requireNonNull(command, "command");
    if (command.isEmpty()) {
      throw new IllegalArgumentException("no command");
    }
    ProcessBuilder builder =
        new ProcessBuilder(kind == Kind.BWRAP ? wrap(command, writable, readable) : command)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    if (writable != null) {
      builder.directory(writable.toFile());
    }
    Map<String, String> env = builder.environment();
    env.clear();
    env.putAll(BASE_ENVIRONMENT);
    env.putAll(environment);
    return builder;
  }

  private static List<String> wrap(List<String> command, Path writable, Collection<Path> readable) {
    List<String> args = new ArrayList<>();
    args.add(BWRAP.toString());
    args.addAll(
        List.of(
            "--die-with-parent",
            "--new-session",
            "--unshare-all",
            // The input is served on 127.0.0.1 by this JVM; see LoopbackServer for its guard.
            "--share-net",
            "--cap-drop",
            "ALL",
            "--ro-bind",
            "/usr",
            "/usr"));
    for (String dir : ROOT_LINKS) {
      rootEntry(args, Path.of(dir));
    }
    for (String file : READ_ONLY_SYSTEM) {
      args.addAll(List.of("--ro-bind-try", file, file));
    }
    args.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
    Path binary = Path.of(command.get(0)).toAbsolutePath().normalize();
    if (!binary.startsWith("/usr")) {
      readOnly(args, binary);
    }
    for (Path path : readable) {
      readOnly(args, path.toAbsolutePath().normalize());
    }
    if (writable != null) {
      String dir = writable.toAbsolutePath().normalize().toString();
      args.addAll(List.of("--bind", dir, dir, "--chdir", dir));
    } else {
      args.addAll(List.of("--chdir", "/"));
    }
    args.add("--");
    args.addAll(command);
    return args;
  }

  private static void readOnly(List<String> args, Path path) {
    args.addAll(List.of("--ro-bind", path.toString(), path.toString()));
  }

  /** Recreates /lib, /bin … as the host has them: a symlink into /usr, or a read-only bind. */
  private static void rootEntry(List<String> args, Path dir) {
    try {
      if (Files.isSymbolicLink(dir)) {
        args.addAll(List.of("--symlink", Files.readSymbolicLink(dir).toString(), dir.toString()));
      } else if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        readOnly(args, dir);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot inspect " + dir, e);
    }
  }

  /** Names the kind only. */
  @Override
  public String toString() {
    return "ProcessSandbox[" + kind.name().toLowerCase(Locale.ROOT) + "]";
  }
}
