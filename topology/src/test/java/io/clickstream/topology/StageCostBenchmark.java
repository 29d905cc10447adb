package io.clickstream.topology;

import io.clickstream.model.Event;
import io.clickstream.model.EventType;
import io.clickstream.model.Product;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Prints the CPU cost per event of the whole topology in a TopologyTestDriver (no broker, so no
 * transactions or network: the processors' own work, state stores included), for a mix like
 * TopologyBenchmark's, with one funnel per app. Run it under a profiler to see which processor
 * costs what: {@code ./mvnw -q -pl topology test-compile exec:java
 * -Dexec.mainClass=io.clickstream.topology.StageCostBenchmark -Dexec.classpathScope=test
 * -Dexec.args=30000}.
 */
public final class StageCostBenchmark {
  private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

  private StageCostBenchmark() {}

  public static void main(String[] args) {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
    try (TopologyHarness h = new TopologyHarness(T)) {
      h.funnel(
          "checkout",
          Duration.ofMinutes(30).toMillis(),
          T.minusSeconds(60),
          TopologyHarness.pageviewStep("/products/*"),
          TopologyHarness.clickStep("#buy"));
      run(h, events / 5, 1); // warm-up
      long start = System.nanoTime();
      run(h, events, 2);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%,d events in %.1f s: %,.0f events/s%n", events, seconds, events / seconds);
    }
  }

  private static void run(TopologyHarness h, int events, long seed) {
    Random random = new Random(seed);
    long span = Duration.ofHours(1).toMillis();
    long base = T.toEpochMilli() + (seed - 1) * span;
    for (int i = 0; i < events; i++) {
      String visitor = "v" + random.nextInt(5_000);
      Instant at = Instant.ofEpochMilli(base + (long) i * span / events);
      String path = "https://shop.example/products/" + random.nextInt(50);
      int kind = random.nextInt(100);
      Event.Builder event;
      if (kind < 55) {
        event = h.event(EventType.PAGEVIEW, visitor, at).url(path);
      } else if (kind < 80) {
        event = h.event(EventType.CLICK, visitor, at).target(kind < 60 ? "#buy" : "#nav");
      } else if (kind < 92) {
        event = h.event(EventType.HOVER, visitor, at).target("#menu").elapsedMs(800L);
      } else if (kind < 97) {
        event = h.event(EventType.CUSTOM, visitor, at).name("signup");
      } else {
        event =
            h.event(EventType.PRODUCT_VIEW, visitor, at)
                .product(new Product("sku-" + random.nextInt(20), null, null, null, null));
      }
      h.send(event.build());
      if (i % 1_000 == 0) {
        h.flush();
      }
    }
    h.flush();
  }
}
