package com.flashdeal.auth.account;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An account as stored; the password hash never leaves the account package except to be checked.
 */
public record Account(
    UUID id,
    String email,
    String displayName,
    List<String> roles,
    OffsetDateTime createdAt,
    String passwordHash) {}
