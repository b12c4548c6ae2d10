package com.flashdeal.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The public entry point: routes {@code /auth/**}, {@code /products/**}, {@code /deals/**} and
 * {@code /orders/**}, verifies tokens for everything but {@code /auth/**}, replaces client-sent
 * identity headers with the verified identity, and never routes {@code /internal/**}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {
  public static void main(String[] args) {
    EventLoops.configure(System.getenv(EventLoops.VARIABLE), System.getProperties());
    SpringApplication.run(GatewayApplication.class, args);
  }
}
