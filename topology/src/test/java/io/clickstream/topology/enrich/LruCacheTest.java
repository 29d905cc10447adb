package io.clickstream.topology.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LruCacheTest {
  private final List<String> computed = new ArrayList<>();

  private String compute(String key) {
    computed.add(key);
    return key.toUpperCase();
  }

  @Test
  void aCachedKeyIsNotComputedAgain() {
    var cache = new LruCache<String, String>(2);

    assertThat(cache.get("a", this::compute)).isEqualTo("A");
    assertThat(cache.get("a", this::compute)).isEqualTo("A");
    assertThat(computed).containsExactly("a");
  }

  @Test
  void theLeastRecentlyUsedKeyIsEvictedAtCapacity() {
    var cache = new LruCache<String, String>(2);
    cache.get("a", this::compute);
    cache.get("b", this::compute);
    cache.get("a", this::compute); // a is now more recent than b
    cache.get("c", this::compute); // evicts b

    cache.get("a", this::compute);
    cache.get("b", this::compute);

    assertThat(computed).containsExactly("a", "b", "c", "b");
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void aCapacityBelowOneIsRefused() {
    assertThatThrownBy(() -> new LruCache<String, String>(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
