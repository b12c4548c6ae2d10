package com.flashdeal.auth.admin;

import com.flashdeal.auth.AuthProperties;
import com.flashdeal.auth.account.AccountRepository;
import com.flashdeal.auth.account.PasswordHasher;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates (or aligns) the admin account from {@code FLASHDEAL_ADMIN_EMAIL} / {@code
 * FLASHDEAL_ADMIN_PASSWORD}: signup only ever makes USERs, and the harness needs an ADMIN to create
 * products and deals.
 */
@Component
class AdminBootstrap implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final AuthProperties properties;
  private final AccountRepository accounts;
  private final PasswordHasher hasher;

  AdminBootstrap(AuthProperties properties, AccountRepository accounts, PasswordHasher hasher) {
    this.properties = properties;
    this.accounts = accounts;
    this.hasher = hasher;
  }

  @Override
  public void run(ApplicationArguments args) {
    AuthProperties.Admin admin = properties.admin();
    if (!admin.configured()) {
      log.info("no admin account configured (FLASHDEAL_ADMIN_EMAIL / FLASHDEAL_ADMIN_PASSWORD)");
      return;
    }
    accounts.upsertAdmin(UUID.randomUUID(), admin.email(), hasher.hash(admin.password()));
    log.info("admin account {} is ready", admin.email());
  }
}
