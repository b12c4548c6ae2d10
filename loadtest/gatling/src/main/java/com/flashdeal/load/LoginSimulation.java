package com.flashdeal.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One step of the login knee search: logins open-model at {@code RATE} per second (Argon2id
 * verification is real work and gets its own knee); same step shape as {@link CapacitySimulation}.
 */
public final class LoginSimulation extends StepSimulation {
  private static final ObjectMapper JSON = new ObjectMapper();

  public LoginSimulation() {
    setUpSteps(
        scenario("login")
            .exec(
                s -> {
                  var a = arrive(s);
                  Users.User u = users.get((int) (a.getLong("index") % users.size()));
                  var body =
                      JSON.createObjectNode().put("email", u.email()).put("password", u.password());
                  return a.set("loginBody", body.toString()).set("t0", System.nanoTime());
                })
            .exec(
                http("login")
                    .post("/auth/login")
                    .header("Content-Type", "application/json")
                    .body(StringBody("#{loginBody}"))
                    .requestTimeout(timeout)
                    .check(status().saveAs("st")))
            .exec(s -> answered(s, "login")));
  }

  @Override
  protected void finish() {
    rec.result(
        "gatling: login step %d/s for %d s: p99 %.1f ms"
            .formatted(
                rate, duration, Recorder.percentileOf(rec, "login_duration{stage:measured}", 99)),
        true);
  }
}
