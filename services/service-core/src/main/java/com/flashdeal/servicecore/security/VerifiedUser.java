package com.flashdeal.servicecore.security;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.problem.ApiException;
import java.util.Collection;
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

  /** This caller as a user; a service token cannot act as a user (403). */
  public VerifiedUser requireUser() {
    if (isService()) {
      throw new ApiException(
          403,
          ErrorCode.FORBIDDEN,
          "A service token cannot act as a user; this operation needs a user's token.");
    }
    return this;
  }

  /**
   * This caller as one of the {@code allowed} services: internal operations answer 403 to users,
   * admins and every other service.
   */
  public VerifiedUser requireService(Collection<String> allowed) {
    if (!isService() || !allowed.contains(clientId)) {
      throw new ApiException(
          403,
          ErrorCode.FORBIDDEN,
          "This internal operation is only for " + String.join(", ", allowed) + ".");
    }
    return this;
  }
}
