package com.flashdeal.servicedefaults.security;

import java.util.Set;
import java.util.UUID;

/**
 * The identity a verified access token proves: a user, or one of the services.
 *
 * @param id the user id ({@code sub}); for a service, a name-based UUID of its client id
 * @param roles {@code USER}, {@code ADMIN}; {@code SERVICE} for a service token
 * @param tokenId the token's {@code jti}
 * @param clientId the service a service token was issued to ({@code client_id}); null for users
 */
public record VerifiedUser(UUID id, Set<String> roles, String tokenId, String clientId) {
  public static final String SERVICE_ROLE = "SERVICE";

  public VerifiedUser {
    roles = Set.copyOf(roles);
  }

  /** A user's identity (no client id). */
  public VerifiedUser(UUID id, Set<String> roles, String tokenId) {
    this(id, roles, tokenId, null);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** Whether this is a service's token, not a person's. */
  public boolean isService() {
    return clientId != null;
  }

  /** The roles as the gateway forwards them in {@code X-User-Roles}. */
  public String rolesHeader() {
    return String.join(",", roles.stream().sorted().toList());
  }

  /** The subject a service token of this client carries: stable, and never a user's id. */
  public static UUID serviceSubject(String clientId) {
    return UUID.nameUUIDFromBytes(
        ("flashdeal-service:" + clientId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
