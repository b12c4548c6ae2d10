package com.flashdeal.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** auth-service: accounts, password login, RS256 access tokens and the JWKS that verifies them. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthApplication {
  public static void main(String[] args) {
    SpringApplication.run(AuthApplication.class, args);
  }
}
