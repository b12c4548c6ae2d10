package com.flashdeal.servicecore.security;

import java.security.PublicKey;
import java.util.Optional;

/** Public keys by key id ({@code kid}), for verifying token signatures. */
public interface KeySource {

  /** A key already known, without any I/O. */
  Optional<PublicKey> cached(String kid);

  /**
   * A key, fetching the key set again if the id is unknown (rotation): may block on I/O,
   * rate-limited so a flood of tokens with made-up key ids cannot turn into a flood of fetches.
   */
  Optional<PublicKey> find(String kid);
}
