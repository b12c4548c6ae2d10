package com.flashdeal.harness.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.load.Arrival;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultTest {

  @Test
  void parsesWhatTheOptionDocumentsAndRefusesTheRest() {
    assertThat(Fault.parse("kill:product-service@10s"))
        .isEqualTo(new Fault(Fault.Kind.KILL, "product-service", Duration.ofSeconds(10)));
    assertThat(Fault.parse("restart:postgres@2.5s").after()).isEqualTo(Duration.ofMillis(2500));
    for (String bad :
        List.of("kill:postgres@1s", "restart:gateway@1s", "kill:order-service", "nuke:redis@1s")) {
      assertThatThrownBy(() -> Fault.parse(bad)).as(bad).isInstanceOf(HarnessException.class);
    }
  }

  @Test
  void recoveryAndTheAnswersWhileDownComeFromTheArrivals() {
    // Struck at 1,000; back at 5,000. Arrivals: one before, two while down, one buying after.
    var record = new FaultRecord("kill:order-service@1s", 1_000, 5_000, "");
    List<Arrival> arrivals =
        List.of(
            new Arrival(0, 500, 520, 201, "", "o0", 1, 1, 20),
            new Arrival(1, 1_200, 1_210, 503, "UPSTREAM_UNAVAILABLE", "", 1, 0, 10),
            new Arrival(2, 4_000, 4_010, 503, "UPSTREAM_UNAVAILABLE", "", 1, 0, 10),
            new Arrival(3, 5_500, 5_600, 201, "", "o3", 1, 1, 100));
    var outcome = record.outcome(arrivals, List.of());
    assertThat(outcome.atSecond()).isEqualTo(0.5);
    assertThat(outcome.downSeconds()).isEqualTo(4.0);
    assertThat(outcome.recoverySeconds()).isEqualTo(4.6);
    assertThat(outcome.answersWhileDown())
        .containsExactly(java.util.Map.entry("503 UPSTREAM_UNAVAILABLE", 2L));
  }
}
