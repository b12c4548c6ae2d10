package com.flashdeal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class EventLoopsTest {

  @Test
  void oneLoopPerCoreByDefault() {
    Properties system = new Properties();

    EventLoops.configure(null, system);

    assertThat(system.getProperty(EventLoops.PROPERTY))
        .isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
  }

  @Test
  void theVariableSetsTheCount() {
    Properties system = new Properties();

    EventLoops.configure(" 3 ", system);

    assertThat(system.getProperty(EventLoops.PROPERTY)).isEqualTo("3");
  }

  @Test
  void anExplicitSystemPropertyWins() {
    Properties system = new Properties();
    system.setProperty(EventLoops.PROPERTY, "7");

    EventLoops.configure("2", system);

    assertThat(system.getProperty(EventLoops.PROPERTY)).isEqualTo("7");
  }

  @Test
  void aCountThatIsNotPositiveIsRefusedWithTheVariableNamed() {
    for (String bad : new String[] {"0", "-1", "two"}) {
      assertThatThrownBy(() -> EventLoops.configure(bad, new Properties()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("FLASHDEAL_GATEWAY_EVENT_LOOPS")
          .hasMessageContaining("'" + bad + "'");
    }
  }
}
