package com.flashdeal.servicedefaults.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashdeal.servicecore.security.JwtVerifier;
import com.flashdeal.servicecore.security.StaticKeySource;
import com.flashdeal.servicecore.security.TokenRejectedException;
import com.flashdeal.servicecore.security.VerifiedUser;
import com.flashdeal.servicedefaults.testing.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WarmUpKeyTest {
  private final WarmUpKey key = new WarmUpKey();
  private final JwtVerifier verifier =
      new JwtVerifier(
          key.over(new StaticKeySource(Map.of(TestTokens.KID, TestTokens.publicKey()))),
          "flashdeal-auth",
          "flashdeal",
          Duration.ofSeconds(30),
          Clock.systemUTC());

  private String userToken(UUID user) {
    return key.token(
        user, List.of("USER"), null, "flashdeal-auth", "flashdeal", Duration.ofMinutes(1));
  }

  @Test
  void itsTokensPassOnlyWhileTheWarmUpRuns() {
    key.open();
    UUID user = UUID.randomUUID();
    String token = userToken(user);
    assertThat(verifier.verify(token).id()).isEqualTo(user);
    assertThat(verifier.verify(token).id()).as("remembered").isEqualTo(user);

    key.close();
    assertThatThrownBy(() -> verifier.verify(token))
        .as("a remembered token of the closed key")
        .isInstanceOf(TokenRejectedException.class);
  }

  @Test
  void theApplicationsOwnKeysStillCount() {
    key.open();
    UUID user = UUID.randomUUID();
    assertThat(verifier.verify(TestTokens.user(user)).id()).isEqualTo(user);
    key.close();
    assertThat(verifier.verify(TestTokens.user(user)).id()).isEqualTo(user);
  }

  @Test
  void aServiceTokenIsOneAuthServiceWouldIssue() {
    key.open();
    String token =
        key.token(
            VerifiedUser.serviceSubject("order-service"),
            List.of(VerifiedUser.SERVICE_ROLE),
            "order-service",
            "flashdeal-auth",
            "flashdeal",
            Duration.ofMinutes(1));
    VerifiedUser caller = verifier.verify(token);
    assertThat(caller.isService()).isTrue();
    assertThat(caller.clientId()).isEqualTo("order-service");
  }

  @Test
  void aReopenedKeyIsANewKey() {
    key.open();
    String before = userToken(UUID.randomUUID());
    key.close();
    key.open();
    assertThatThrownBy(() -> verifier.verify(before)).isInstanceOf(TokenRejectedException.class);
  }
}
