package com.flashdeal.auth.account;

import com.flashdeal.contract.auth.api.AccountsApi;
import com.flashdeal.contract.auth.model.Role;
import com.flashdeal.contract.auth.model.SignupRequest;
import com.flashdeal.contract.auth.model.User;
import com.flashdeal.servicedefaults.security.CurrentUser;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The contract's accounts operations. */
@RestController
class AccountController implements AccountsApi {
  private final AccountService accounts;

  AccountController(AccountService accounts) {
    this.accounts = accounts;
  }

  @Override
  public ResponseEntity<User> signup(SignupRequest request) {
    Account account =
        accounts.signup(request.getEmail(), request.getPassword(), request.getDisplayName());
    return ResponseEntity.created(URI.create("/auth/me")).body(toUser(account));
  }

  @Override
  public ResponseEntity<User> getCurrentUser() {
    return ResponseEntity.ok(toUser(accounts.get(CurrentUser.require().id())));
  }

  static User toUser(Account account) {
    User user =
        new User(
            account.id(),
            account.email(),
            account.roles().stream().map(Role::fromValue).toList(),
            account.createdAt());
    user.setDisplayName(account.displayName());
    return user;
  }
}
