package io.clickstream.topology.enrich;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded least-recently-used map, safe to share between stream threads. One lock: each hit holds
 * it for a map look-up, far less than the miss it saves.
 */
final class LruCache<K, V> {
  private final Map<K, V> entries;

  LruCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * The cached value, or {@code compute}'s, cached. {@code compute} runs outside the lock, so two
   * threads missing the same key may both compute it; the results are equal.
   */
  V get(K key, Function<K, V> compute) {
    synchronized (entries) {
      V cached = entries.get(key);
      if (cached != null) {
        return cached;
      }
    }
    V value = compute.apply(key);
    synchronized (entries) {
      entries.put(key, value);
    }
    return value;
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
