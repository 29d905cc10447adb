package io.clickstream.collector;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The collector's own meters, next to the per-route request timers every service has. */
final class CollectorMetrics {
  private final MeterRegistry registry;
  private final Counter accepted;
  private final Counter publishFailures;

  CollectorMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.accepted =
        Counter.builder("collector.events.accepted")
            .description("Events acknowledged by Kafka")
            .register(registry);
    this.publishFailures =
        Counter.builder("collector.publish.failures")
            .description("Batches answered 503 because Kafka did not acknowledge them")
            .register(registry);
  }

  void accepted(int count) {
    accepted.increment(count);
  }

  /** Tagged by the top-level field at fault, a small fixed set (never a client-chosen name). */
  void rejected(String field) {
    int dot = field.indexOf('.');
    String topLevel = dot < 0 ? field : field.substring(0, dot);
    Counter.builder("collector.events.rejected")
        .description("Events rejected by validation")
        .tag("field", topLevel)
        .register(registry)
        .increment();
  }

  void publishFailed() {
    publishFailures.increment();
  }
}
