package com.flashdeal.harness.capacity;

import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.platform.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The physical reference: pgbench runs the order path's own statements (loadtest/pgbench: the
 * reserve transaction on product-service's database, the order insert on order-service's) at the
 * services' pool size, concurrently, on the same PostgreSQL in the same bench. The order path
 * cannot beat the slower of the two; the report gives each knee as a fraction of it.
 *
 * @param clients pgbench clients per database
 * @param reserveTps / insertTps transactions per second of each script
 */
public record PgBench(int clients, int seconds, double reserveTps, double insertTps) {

  /** One order needs one reserve and one insert: the ceiling is the slower of the two. */
  public double ceilingTps() {
    return Math.min(reserveTps, insertTps);
  }

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

  /** Runs both scripts against a deal of ample stock in the deployment's databases. */
  public static PgBench run(
      Path repo, Platform.Deployment d, long dealId, long productId, int clients, int seconds) {
    Path bin = pgbench();
    Process reserve =
        start(
            bin,
            repo,
            d.databases().get("product"),
            "reserve.sql",
            dealId,
            productId,
            clients,
            seconds);
    Process insert =
        start(
            bin,
            repo,
            d.databases().get("order"),
            "order.sql",
            dealId,
            productId,
            clients,
            seconds);
    return new PgBench(clients, seconds, tps(reserve, "reserve"), tps(insert, "order insert"));
  }

  private static Path pgbench() {
    List<Path> candidates = new ArrayList<>();
    try (var dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
      dirs.sorted(java.util.Comparator.reverseOrder())
          .forEach(v -> candidates.add(v.resolve("bin/pgbench")));
    } catch (IOException e) {
      // no Debian layout
    }
    candidates.add(Path.of("/usr/bin/pgbench"));
    return candidates.stream()
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(
            () ->
                new HarnessException(
                    "pgbench not found (Debian: postgresql-contrib / postgresql-client)"));
  }

  private static Process start(
      Path bin,
      Path repo,
      Platform.Database db,
      String script,
      long dealId,
      long productId,
      int clients,
      int seconds) {
    // jdbc:postgresql://host:port/db → host, port, db for pgbench's libpq.
    Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)").matcher(db.url());
    if (!m.find()) {
      throw new HarnessException("cannot read " + db.url());
    }
    ProcessBuilder pb =
        new ProcessBuilder(
                bin.toString(),
                "-n",
                "-M",
                "prepared",
                "-c",
                Integer.toString(clients),
                "-j",
                "2",
                "-T",
                Integer.toString(seconds),
                "-D",
                "deal_id=" + dealId,
                "-D",
                "product_id=" + productId,
                "-f",
                repo.resolve("loadtest/pgbench/" + script).toString(),
                "-h",
                m.group(1),
                "-p",
                m.group(2),
                "-U",
                db.user(),
                m.group(3))
            .redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", db.password());
    try {
      return pb.start();
    } catch (IOException e) {
      throw new HarnessException("cannot run pgbench: " + e.getMessage(), e);
    }
  }

  private static double tps(Process p, String what) {
    try {
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new HarnessException("pgbench (" + what + ") failed:\n" + out);
      }
      Matcher m = TPS.matcher(out);
      if (!m.find()) {
        throw new HarnessException("pgbench (" + what + ") printed no tps:\n" + out);
      }
      return Double.parseDouble(m.group(1));
    } catch (IOException e) {
      throw new HarnessException("pgbench (" + what + "): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessException("interrupted");
    }
  }
}
