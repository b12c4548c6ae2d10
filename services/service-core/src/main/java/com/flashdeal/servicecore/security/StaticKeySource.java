package com.flashdeal.servicecore.security;

import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;

/** Keys known up front: auth-service verifying its own tokens, and tests. */
public final class StaticKeySource implements KeySource {
  private final Map<String, PublicKey> keys;

  public StaticKeySource(Map<String, ? extends PublicKey> keys) {
    this.keys = Map.copyOf(keys);
  }

  @Override
  public Optional<PublicKey> cached(String kid) {
    return Optional.ofNullable(keys.get(kid));
  }

  @Override
  public Optional<PublicKey> find(String kid) {
    return cached(kid);
  }
}
