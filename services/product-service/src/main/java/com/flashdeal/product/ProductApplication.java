package com.flashdeal.product;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * product-service: owns products, their stock, hot deals and the reservations order-service makes
 * against them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProductApplication {
  public static void main(String[] args) {
    SpringApplication.run(ProductApplication.class, args);
  }
}
