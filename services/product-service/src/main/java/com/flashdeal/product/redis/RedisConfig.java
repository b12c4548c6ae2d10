package com.flashdeal.product.redis;

import com.flashdeal.product.ProductProperties;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/** The Redis client, created only when the cache or a Redis stock strategy asks for it. */
@Configuration(proxyBeanMethods = false)
class RedisConfig {

  /** Closed with the context. */
  @Bean(destroyMethod = "close")
  @Lazy
  RedisClient redisClient(ProductProperties properties) {
    ProductProperties.Redis redis = properties.redis();
    URI url = redis.url();
    int timeout = (int) redis.timeout().toMillis();
    // Jedis' default pool holds 8 connections and waits for one without end: at sale rates the
    // reads queued there, holding admission slots, and reservations were shed (503 OVERLOADED).
    // As many connections as requests served at once, and a wait as short as a Redis call.
    // In the asynchronous flow the consumers of accepted orders call the stock gate too: without
    // connections of their own, requests took them all under load and the consumers' Lua calls
    // failed (a sale at 160/s requeued them until the delivery limit dead-lettered them).
    int connections =
        redis.connections()
            + ("async".equals(properties.orderFlow()) && properties.messaging() != null
                ? properties.messaging().consumers()
                : 0);
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(connections);
    pool.setMaxIdle(connections);
    pool.setMinIdle(Math.min(4, connections));
    pool.setMaxWait(redis.timeout());
    DefaultJedisClientConfig.Builder client =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(timeout)
            .socketTimeoutMillis(timeout);
    Credentials credentials = Credentials.of(url);
    if (credentials != null) {
      client.user(credentials.user()).password(credentials.password());
    }
    return RedisClient.builder()
        .poolConfig(pool)
        .hostAndPort(url.getHost(), url.getPort() > 0 ? url.getPort() : 6379)
        .clientConfig(client.build())
        .build();
  }

  /**
   * The URL's credentials, as Redis' own URLs carry them ({@code redis://[user]:password@host}): a
   * Redis that requires a password (the cluster's) gets it from the same Secret-held URL as the
   * gateway's Spring client. No user: the default user (AUTH with the password alone).
   */
  record Credentials(String user, String password) {
    static Credentials of(URI url) {
      String info = url.getRawUserInfo();
      if (info == null || info.isEmpty()) {
        return null;
      }
      int colon = info.indexOf(':');
      String user = colon < 0 ? "" : decode(info.substring(0, colon));
      String password = decode(colon < 0 ? info : info.substring(colon + 1));
      return new Credentials(user.isEmpty() ? null : user, password);
    }

    private static String decode(String s) {
      return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
