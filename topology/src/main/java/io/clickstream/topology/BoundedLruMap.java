package io.clickstream.topology;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that forgets its least recently used entry beyond {@code capacity}: a processor's private
 * cache (one thread, so no locking; see enrich's LruCache for a shared one).
 */
public final class BoundedLruMap<K, V> extends LinkedHashMap<K, V> {
  private final int capacity;

  public BoundedLruMap(int capacity) {
    super(16, 0.75f, true);
    this.capacity = capacity;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    return size() > capacity;
  }
}
