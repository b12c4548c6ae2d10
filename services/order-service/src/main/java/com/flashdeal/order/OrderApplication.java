package com.flashdeal.order;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** order-service: owns orders; reaches stock only through product-service's internal API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderApplication {
  public static void main(String[] args) {
    SpringApplication.run(OrderApplication.class, args);
  }
}
