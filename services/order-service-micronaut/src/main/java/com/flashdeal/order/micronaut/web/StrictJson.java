package com.flashdeal.order.micronaut.web;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigInteger;

/**
 * JSON integers as the contract types them, no coercion (what service-defaults' StrictJson does for
 * the Spring services): {@code 1.5}, {@code "1"} or {@code true} where the contract says integer is
 * a 400, never an order of 1. Serde's own number decoders coerce all three.
 */
@Factory
class StrictIntegers {

  @Singleton
  @Order(-100)
  Deserializer<Integer> integers() {
    return (decoder, context, type) -> integral(decoder, type).intValueExact();
  }

  @Singleton
  @Order(-100)
  Deserializer<Long> longs() {
    return (decoder, context, type) -> integral(decoder, type).longValueExact();
  }

  private static BigInteger integral(Decoder decoder, Argument<?> type) throws IOException {
    JsonNode node = decoder.decodeNode();
    if (!node.isNumber() || !isIntegral(node.getNumberValue())) {
      throw decoder.createDeserializationException(
          "expected a JSON integer for " + type.getName() + ", got " + node, null);
    }
    BigInteger value = node.getBigIntegerValue();
    long max = type.getType() == Integer.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
    long min = type.getType() == Integer.class ? Integer.MIN_VALUE : Long.MIN_VALUE;
    if (value.compareTo(BigInteger.valueOf(max)) > 0
        || value.compareTo(BigInteger.valueOf(min)) < 0) {
      throw decoder.createDeserializationException(
          "integer out of range for " + type.getName() + ": " + value, null);
    }
    return value;
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Integer
        || n instanceof Long
        || n instanceof BigInteger
        || n instanceof Short
        || n instanceof Byte;
  }
}
