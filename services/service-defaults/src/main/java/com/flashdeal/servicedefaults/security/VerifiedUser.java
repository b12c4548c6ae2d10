package com.flashdeal.servicedefaults.security;

import java.util.Set;
import java.util.UUID;

/**
 * The identity a verified access token proves.
 *
 * @param id the user id ({@code sub})
 * @param roles {@code USER}, {@code ADMIN}
 * @param tokenId the token's {@code jti}
 */
public record VerifiedUser(UUID id, Set<String> roles, String tokenId) {
  public VerifiedUser {
    roles = Set.copyOf(roles);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** The roles as the gateway forwards them in {@code X-User-Roles}. */
  public String rolesHeader() {
    return String.join(",", roles.stream().sorted().toList());
  }
}
