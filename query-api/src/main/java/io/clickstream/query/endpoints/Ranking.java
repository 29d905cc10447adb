package io.clickstream.query.endpoints;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** Ordering of item lists: the chosen figure, largest first, then the key for a stable order. */
final class Ranking {
  private Ranking() {}

  /** The keys of {@code counts} by count (descending), then key, at most {@code limit}. */
  static List<String> top(Map<String, Long> counts, int limit) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Items by a figure (descending), then by their key, at most {@code limit}. */
  static <T> List<T> top(
      List<T> items,
      ToLongFunction<T> figure,
      java.util.function.Function<T, String> key,
      int limit) {
    return items.stream()
        .sorted(
            Comparator.comparingLong(figure)
                .reversed()
                .thenComparing(key, Comparator.naturalOrder()))
        .limit(limit)
        .toList();
  }
}
