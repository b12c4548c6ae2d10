package com.flashdeal.harness.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashdeal.harness.HarnessException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The bench's users: signed up once through the real API (Argon2id, never a weaker hash), logged in
 * through the real login, their access tokens kept in a file with their expiry and renewed only
 * when they would expire before the work ahead is done. The pool is deterministic ({@code
 * bench-user-00042@flashdeal.test}), so a kept auth database (--reuse-users) and the file find each
 * other again: a second bench signs up nobody.
 */
public final class UserPool {
  public static final String PASSWORD = "bench-password-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** auth-service hashes at most 4 passwords at once by default; more in flight only queue. */
  private static final int IN_FLIGHT = 4;

  public record User(String email, String password, String token, long expiresAt) {}

  /**
   * @param signedUp accounts created now
   * @param loggedIn tokens obtained or renewed now
   * @param seconds time spent
   */
  public record Seeding(int users, int signedUp, int loggedIn, double seconds) {}

  private final Path file;
  private final Consumer<String> progress;
  private final List<User> users = new ArrayList<>();

  /** How many users of the pool this bench uses (the file may hold more from an earlier one). */
  private int inUse;

  public UserPool(Path file, Consumer<String> progress) {
    this.file = file;
    this.progress = progress;
  }

  static String email(int i) {
    return "bench-user-%05d@flashdeal.test".formatted(i);
  }

  /**
   * At least {@code count} users with tokens valid for {@code validFor} from now.
   *
   * @param reuse start from the users file of an earlier bench (the auth database was kept)
   */
  public Seeding ensure(URI gateway, int count, Duration validFor, boolean reuse) {
    long t0 = System.nanoTime();
    Api api = new Api(gateway);
    inUse = count;
    users.clear();
    if (reuse && Files.isRegularFile(file)) {
      users.addAll(read(file));
      // Tokens of another signing key (or users of a wiped database) would fail inside the window:
      // one real call tells.
      if (!users.isEmpty()
          && api.send("GET", "/orders?page=0&size=1", users.getFirst().token(), null).status()
              != 200) {
        progress.accept("seed: the kept tokens are not accepted any more; logging in again");
        users.replaceAll(u -> new User(u.email(), u.password(), "", 0));
      }
    }
    int signedUp = 0;
    if (users.size() < count) {
      int from = users.size();
      List<User> created =
          parallel(
              "signed up",
              count - from,
              i -> {
                String email = email(from + i);
                Api.Answer a =
                    api.sendPatiently(
                        "POST", "/auth/signup", null, Map.of("email", email, "password", PASSWORD));
                // 409: the account exists (kept auth database, lost users file): log in below.
                if (a.status() != 201 && a.status() != 409) {
                  throw new HarnessException(
                      "signup of " + email + " answered " + a.status() + ": " + a.body());
                }
                return new User(email, PASSWORD, "", 0);
              });
      users.addAll(created);
      signedUp = created.size();
    }
    long horizon = Instant.now().plus(validFor).getEpochSecond();
    List<Integer> stale = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (users.get(i).expiresAt() < horizon) {
        stale.add(i);
      }
    }
    List<User> renewed =
        parallel(
            "logged in",
            stale.size(),
            k -> {
              User u = users.get(stale.get(k));
              Api.Answer a =
                  api.sendPatiently(
                      "POST",
                      "/auth/login",
                      null,
                      Map.of("email", u.email(), "password", u.password()));
              if (a.status() == 401) {
                // Listed in the file but not in this auth database: create it again.
                api.expect(
                    "POST",
                    "/auth/signup",
                    null,
                    Map.of("email", u.email(), "password", u.password()),
                    201);
                a =
                    api.send(
                        "POST",
                        "/auth/login",
                        null,
                        Map.of("email", u.email(), "password", u.password()));
              }
              if (a.status() != 200) {
                throw new HarnessException(
                    "login of " + u.email() + " answered " + a.status() + ": " + a.body());
              }
              String token = a.body().path("accessToken").asText();
              return new User(u.email(), u.password(), token, expiry(token));
            });
    for (int k = 0; k < stale.size(); k++) {
      users.set(stale.get(k), renewed.get(k));
    }
    write(file, users);
    return new Seeding(count, signedUp, stale.size(), (System.nanoTime() - t0) / 1e9);
  }

  /**
   * Renews the tokens that would expire within {@code validFor} (a long bench outlives the
   * 15-minute access tokens) and rewrites the generator's users file if any changed.
   */
  public void renew(URI gateway, Duration validFor, Path usersFile) {
    if (inUse == 0) {
      return;
    }
    long horizon = Instant.now().plus(validFor).getEpochSecond();
    if (users.subList(0, inUse).stream().allMatch(u -> u.expiresAt() >= horizon)) {
      return;
    }
    ensure(gateway, inUse, validFor, true);
    writeSlice(usersFile, 0, inUse);
  }

  public List<User> users() {
    return List.copyOf(users);
  }

  /** Users {@code [from, from + n)} as the generator reads them (email, password, token). */
  public Path writeSlice(Path target, int from, int n) {
    if (from + n > users.size()) {
      throw new HarnessException(
          "the pool holds " + users.size() + " users, " + (from + n) + " needed");
    }
    write(target, users.subList(from, from + n));
    return target;
  }

  /** The token's exp claim (seconds since the epoch), read without verifying: it is our own. */
  static long expiry(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      throw new HarnessException("login returned no JWT");
    }
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      return claims.path("exp").asLong();
    } catch (IOException | IllegalArgumentException e) {
      throw new HarnessException("cannot read the token's claims: " + e.getMessage(), e);
    }
  }

  private <T> List<T> parallel(String what, int n, IntFunction<T> task) {
    if (n == 0) {
      return List.of();
    }
    long t0 = System.nanoTime();
    AtomicInteger done = new AtomicInteger();
    Semaphore permits = new Semaphore(IN_FLIGHT);
    List<T> out = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  permits.acquire();
                  try {
                    return task.apply(index);
                  } finally {
                    permits.release();
                    done.incrementAndGet();
                  }
                }));
      }
      long lastReport = System.nanoTime();
      for (Future<T> f : futures) {
        while (!f.isDone()) {
          Thread.sleep(100);
          if (System.nanoTime() - lastReport > 5_000_000_000L) {
            lastReport = System.nanoTime();
            double s = (lastReport - t0) / 1e9;
            int d = done.get();
            progress.accept(
                "seed: %d/%d users %s (%.1f/s, ~%.0f s left)"
                    .formatted(d, n, what, d / s, d == 0 ? Double.NaN : (n - d) / (d / s)));
          }
        }
        out.add(f.get());
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof HarnessException h
          ? h
          : new HarnessException("seeding users failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessException("interrupted");
    }
    progress.accept(
        "seed: %d users %s in %.1f s".formatted(n, what, (System.nanoTime() - t0) / 1e9));
    return out;
  }

  private static List<User> read(Path file) {
    try {
      return List.of(JSON.readValue(file.toFile(), User[].class));
    } catch (IOException e) {
      throw new HarnessException("cannot read the users file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, List<User> users) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, JSON.writeValueAsString(users), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HarnessException("cannot write the users file " + file + ": " + e.getMessage(), e);
    }
  }
}
