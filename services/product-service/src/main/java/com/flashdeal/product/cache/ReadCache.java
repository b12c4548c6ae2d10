package com.flashdeal.product.cache;

import java.time.Duration;
import java.util.function.Supplier;

/** Cache-aside: a value found under its key, or loaded, stored for {@code ttl} and returned. */
public interface ReadCache {

  /**
   * @param load reads the value from the database; null (nothing there) is returned and not stored
   */
  <T> T get(String key, Duration ttl, Class<T> type, Supplier<T> load);

  /** Like {@link #get}, and the key joins {@code group}, which {@link #evictGroup} empties. */
  <T> T get(String key, String group, Duration ttl, Class<T> type, Supplier<T> load);

  void evict(String key);

  void evictGroup(String group);

  /** No cache: every read loads (the Phase 1 variants). */
  ReadCache OFF =
      new ReadCache() {
        @Override
        public <T> T get(String key, Duration ttl, Class<T> type, Supplier<T> load) {
          return load.get();
        }

        @Override
        public <T> T get(String key, String group, Duration ttl, Class<T> type, Supplier<T> load) {
          return load.get();
        }

        @Override
        public void evict(String key) {}

        @Override
        public void evictGroup(String group) {}
      };
}
