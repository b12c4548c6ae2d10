package com.flashdeal.product.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The Redis URL's credentials, as the cluster's Secret writes them. */
class RedisConfigTest {

  @Test
  void aPasswordWithoutAUserIsTheDefaultUsersPassword() {
    assertThat(RedisConfig.Credentials.of(URI.create("redis://:s3cr%2Ft@redis.infra:6379")))
        .isEqualTo(new RedisConfig.Credentials(null, "s3cr/t"));
  }

  @Test
  void aUserAndPasswordAreBothKept() {
    assertThat(RedisConfig.Credentials.of(URI.create("redis://app:pw@redis:6379")))
        .isEqualTo(new RedisConfig.Credentials("app", "pw"));
  }

  @Test
  void noUserInfoMeansNoAuth() {
    assertThat(RedisConfig.Credentials.of(URI.create("redis://127.0.0.1:56379"))).isNull();
  }
}
