package com.flashdeal.auth.account;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.problem.ApiException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Signup and credential checks. */
@Service
public class AccountService {
  private final AccountRepository accounts;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;

  AccountService(AccountRepository accounts, PasswordHasher hasher, PasswordPolicy policy) {
    this.accounts = accounts;
    this.hasher = hasher;
    this.policy = policy;
  }

  public Account signup(String email, String password, String displayName) {
    policy
        .weakness(password, email)
        .ifPresent(
            why -> {
              throw new ApiException(
                  HttpStatus.UNPROCESSABLE_CONTENT.value(), ErrorCode.WEAK_PASSWORD, why);
            });
    String hash = hasher.hash(password);
    return accounts
        .insert(UUID.randomUUID(), email, hash, displayName)
        .orElseThrow(
            () ->
                ApiException.conflict(ErrorCode.EMAIL_TAKEN, "An account with this email exists."));
  }

  /**
   * The account if the password is right. Unknown email and wrong password cost the same hash
   * computation and give the same empty answer, so neither the response nor its timing tells which
   * accounts exist.
   */
  public Optional<Account> authenticate(String email, String password) {
    Optional<Account> account = accounts.findByEmail(email);
    if (account.isEmpty()) {
      hasher.matchesNothing(password);
      return Optional.empty();
    }
    return hasher.matches(password, account.get().passwordHash()) ? account : Optional.empty();
  }

  public Account get(UUID id) {
    return accounts
        .findById(id)
        .orElseThrow(() -> ApiException.notFound("This account no longer exists."));
  }
}
