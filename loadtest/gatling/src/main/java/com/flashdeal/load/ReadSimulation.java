package com.flashdeal.load;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * One window of GETs of {@code PATH} at {@code RATE} per second, as a user ({@code AUTH=user}: the
 * seeded users' tokens in turn) or anonymous: the deal read of a sale, or the floor of the box (an
 * empty request direct to a service or through the gateway). Same step shape as {@link
 * CapacitySimulation}; success is a 200.
 */
public final class ReadSimulation extends StepSimulation {
  private final String path = env.str("READ_PATH", "/deals/0");
  private final boolean asUser = env.str("AUTH", "user").equals("user");

  public ReadSimulation() {
    HttpRequestActionBuilder get =
        http("read").get(path).requestTimeout(timeout).check(status().saveAs("st"));
    if (asUser) {
      get = get.header("Authorization", "#{auth}");
    }
    setUpSteps(
        scenario("read")
            .exec(
                s -> {
                  var a = arrive(s);
                  return a.set(
                          "auth",
                          users.get((int) (a.getLong("index") % users.size())).authorization())
                      .set("t0", System.nanoTime());
                })
            .exec(get)
            .exec(s -> answered(s, "read")));
  }

  @Override
  protected void finish() {
    rec.result(
        "gatling: read %s at %d/s for %d s: p99 %.1f ms"
            .formatted(
                path,
                rate,
                duration,
                Recorder.percentileOf(rec, "read_duration{stage:measured}", 99)),
        true);
  }
}
