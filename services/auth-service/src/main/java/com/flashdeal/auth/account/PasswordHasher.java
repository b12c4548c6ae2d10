package com.flashdeal.auth.account;

import com.flashdeal.auth.AuthProperties;
import java.util.concurrent.Semaphore;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id with a configurable cost. Each hash takes {@code argon2MemoryKib} of memory, so
 * concurrent hashing is capped: with virtual threads a login burst would otherwise allocate memory
 * per waiting request. A fixed dummy hash lets the unknown-email path do the same work as a wrong
 * password.
 */
@Component
public class PasswordHasher {
  private final Argon2PasswordEncoder encoder;
  private final Semaphore permits;
  private final String dummyHash;

  PasswordHasher(AuthProperties properties) {
    AuthProperties.Password cost = properties.password();
    this.encoder =
        new Argon2PasswordEncoder(16, 32, 1, cost.argon2MemoryKib(), cost.argon2Iterations());
    this.permits = new Semaphore(Math.max(1, cost.maxConcurrentHashes()), true);
    this.dummyHash = encoder.encode("not-a-real-password-but-the-same-cost");
  }

  public String hash(String password) {
    return limited(() -> encoder.encode(password));
  }

  public boolean matches(String password, String hash) {
    return limited(() -> encoder.matches(password, hash));
  }

  /** Burns the same time as a real check; the result is always false. */
  public boolean matchesNothing(String password) {
    limited(() -> encoder.matches(password, dummyHash));
    return false;
  }

  private <T> T limited(java.util.function.Supplier<T> work) {
    permits.acquireUninterruptibly();
    try {
      return work.get();
    } finally {
      permits.release();
    }
  }
}
