package com.flashdeal.harness.login;

import com.flashdeal.harness.capacity.CapacityResult;
import com.flashdeal.harness.capacity.KneeReport;
import com.flashdeal.harness.capacity.Knees;
import com.flashdeal.harness.load.Scenario;
import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.scenario.BenchScenario;
import com.flashdeal.harness.scenario.Lab;
import com.flashdeal.harness.scenario.Settings;
import java.util.List;

/**
 * The knee of login (an Argon2id hash each, about 0.1 s of a core) on the first variant:
 * auth-service is the same in every variant. Option: {@code login.slo-ms}, the login p99 a step
 * must meet; the search starts at no more than 8/s.
 */
public final class LoginScenario implements BenchScenario {

  private static final double SLO_MS = 250;

  @Override
  public String id() {
    return "login";
  }

  @Override
  public String summary() {
    return "auth-service's knee of login (Argon2id)";
  }

  @Override
  public String describe(Settings s) {
    return Knees.describe(s, "login p99 ≤ %.0f ms".formatted(s.option("login.slo-ms", SLO_MS)));
  }

  @Override
  public KneeReport run(Lab lab) {
    String variant = lab.variants().getFirst();
    lab.progress()
        .accept(
            "login capacity: deploy " + variant + " (auth-service is the same in every variant)");
    Platform.Deployment d = lab.platform().deploy(variant);
    Knees knees = new Knees(lab);
    CapacityResult r =
        knees.knee(
            new Knees.Probe(Scenario.LOGIN, "login", lab.option("login.slo-ms", SLO_MS), 0),
            Math.min(knees.startRate(), 8),
            d);
    lab.platform().stop();
    return new KneeReport(
        id(),
        List.of(new CapacityResult("auth-service", r.target(), r.sloMs(), r.knee(), r.steps())),
        null);
  }
}
