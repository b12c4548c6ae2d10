package com.flashdeal.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar load-gatling-cli.jar <sale|capacity|sold-out|login|read>}: runs that simulation
 * with Gatling, then writes the summary and the ledger (see {@link Recorder#write}). Exit 0: a
 * valid measurement; 99: the run happened but the measurement is not valid (the generator fell
 * behind, users ran out, an arrival was sent twice); anything else: the run failed.
 *
 * <p>Settings are environment variables ({@code BASE_URL}, {@code USERS_FILE}, {@code RATE}, …; see
 * each simulation); {@code GATLING_RESULTS} is where Gatling writes its own simulation log and HTML
 * report ({@code GATLING_REPORT=off} skips the report).
 */
public final class LoadMain {
  static final Map<String, Class<?>> SIMULATIONS =
      Map.of(
          "sale", SaleSimulation.class,
          "capacity", CapacitySimulation.class,
          "sold-out", CapacitySimulation.class,
          "login", LoginSimulation.class,
          "read", ReadSimulation.class);

  private LoadMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1 || !SIMULATIONS.containsKey(args[0])) {
      System.err.println("usage: load <" + String.join("|", SIMULATIONS.keySet()) + ">");
      System.exit(2);
    }
    Env env = Env.system();
    Path results =
        Path.of(env.str("GATLING_RESULTS", System.getProperty("java.io.tmpdir") + "/gatling"));
    Files.createDirectories(results);
    List<String> gatling = new ArrayList<>();
    gatling.addAll(List.of("-s", SIMULATIONS.get(args[0]).getName(), "-rf", results.toString()));
    gatling.addAll(List.of("-rd", args[0] + " " + env.str("RUN_ID", "")));
    if (env.str("GATLING_REPORT", "on").equals("off")) {
      gatling.add("-nr");
    }
    int status = io.gatling.app.Gatling$.MODULE$.fromArgs(gatling.toArray(String[]::new));
    if (status != 0) {
      System.err.println("load: Gatling ended with status " + status);
      System.exit(status == 99 ? 98 : status);
    }
    Recorder rec = Recorder.run();
    rec.write(env, rec.line(), rec.valid(), System.out);
    System.exit(rec.valid() ? 0 : 99);
  }
}
