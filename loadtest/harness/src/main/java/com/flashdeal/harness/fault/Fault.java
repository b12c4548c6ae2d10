package com.flashdeal.harness.fault;

import com.flashdeal.harness.HarnessException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fault to inject during a sale, {@code <kind>:<target>@<seconds>s}: {@code kill:<service>} ends
 * the process at once (SIGKILL, no shutdown hook, nothing flushed) and the platform starts it
 * again; {@code restart:postgres} / {@code restart:redis} / {@code restart:rabbitmq} stops and
 * starts the server.
 *
 * @param after from the start of the load to the fault
 */
public record Fault(Kind kind, String target, Duration after) {

  public enum Kind {
    KILL,
    RESTART
  }

  public static final List<String> SERVICES =
      List.of("auth-service", "product-service", "order-service", "gateway");
  public static final List<String> SERVERS = List.of("postgres", "redis", "rabbitmq");

  private static final Pattern SPEC =
      Pattern.compile("(kill|restart):([a-z-]+)@(\\d+(?:\\.\\d+)?)s");

  public static Fault parse(String spec) {
    Matcher m = SPEC.matcher(spec.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new HarnessException(
          "--fault "
              + spec
              + ": expected kill:<service>@<seconds>s or restart:<postgres|redis|rabbitmq>@<seconds>s");
    }
    Kind kind = Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT));
    String target = m.group(2);
    List<String> allowed = kind == Kind.KILL ? SERVICES : SERVERS;
    if (!allowed.contains(target)) {
      throw new HarnessException(
          "--fault " + spec + ": " + m.group(1) + " works on " + String.join(", ", allowed));
    }
    return new Fault(
        kind, target, Duration.ofMillis(Math.round(Double.parseDouble(m.group(3)) * 1000)));
  }

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT)
        + ":"
        + target
        + "@"
        + after.toMillis() / 1000.0
        + "s";
  }
}
