package com.flashdeal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.localdeps.LocalDeps;
import com.flashdeal.servicedefaults.testing.TestHttp.Response;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Rate limiting with its buckets in the real (private) Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RateLimitIT extends RateLimitTestBase {

  @DynamicPropertySource
  static void start(DynamicPropertyRegistry registry) throws IOException {
    String redis = LocalDeps.ensureUp().environment().get("FLASHDEAL_REDIS_URL");
    registry.add("spring.data.redis.url", () -> redis);
    stubs(registry);
  }

  @Autowired ReactiveStringRedisTemplate redis;

  /** The address bucket (127.0.0.1) outlives a run in Redis; each test starts with it full. */
  @BeforeEach
  void freshAddressBucket() {
    redis.keys("rl:login:address:*").flatMap(redis::delete).blockLast();
  }

  @Test
  void aUserOrderingInALoopIsStoppedAndOthersAreNot() {
    UUID bot = UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      Response ok = order(bot);
      assertThat(ok.status()).as(ok.body()).isEqualTo(200);
      assertThat(ok.header("RateLimit-Limit")).isEqualTo("3");
      assertThat(ok.header("RateLimit-Remaining")).isEqualTo(Integer.toString(2 - i));
    }
    int before = reached.get();
    Response refused = order(bot);
    assertRateLimited(refused);
    assertThat(refused.header("Retry-After")).isEqualTo("5"); // 1 token at 0.2/s
    assertThat(reached.get()).as("a refusal never reaches order-service").isEqualTo(before);
    assertThat(order(UUID.randomUUID()).status()).as("another buyer").isEqualTo(200);
  }

  @Test
  void guessingOnePasswordIsStoppedPerAccountFromAnyAddress() {
    String victim = "victim-" + UUID.randomUUID() + "@example.com";
    for (int i = 0; i < 3; i++) {
      assertThat(login(victim).status()).isEqualTo(200); // the stand-in answers 200 to anything
    }
    assertRateLimited(login(victim));
    // The account's bucket is keyed by the address itself, case and spaces aside.
    assertRateLimited(login(" " + victim.toUpperCase(java.util.Locale.ROOT)));
    // The body still reaches auth-service intact for an account that is not limited.
    assertThat(login("someone-" + UUID.randomUUID() + "@example.com").status()).isEqualTo(200);
  }

  @Test
  void oneAddressTryingManyAccountsIsStopped() {
    for (int i = 0; i < 8; i++) {
      assertThat(login("spray-" + UUID.randomUUID() + "@example.com").status()).isEqualTo(200);
    }
    Response refused = login("spray-" + UUID.randomUUID() + "@example.com");
    assertRateLimited(refused);
    assertThat(refused.json().path("detail").asString()).contains("login-address");
  }
}
