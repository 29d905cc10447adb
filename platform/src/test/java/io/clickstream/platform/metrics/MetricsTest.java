package io.clickstream.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
  /**
   * Kafka Streams tags a store metric after the store's kind (as KafkaStreamsMetrics binds them).
   * Prometheus keeps one set of tag keys per metric name and drops meters with another set, which
   * lost the in-memory stores' metrics once a RocksDB store's had registered.
   */
  @Test
  void storeMetricsOfEveryKindOfStoreAreScrapedUnderOneTag() {
    PrometheusMeterRegistry registry = Metrics.newRegistry("topology");
    Map<String, String> stores =
        Map.of(
            "rocksdb.state.id", "retention-weeks-store",
            "rocksdb.window.state.id", "dedupe-store",
            "rocksdb.session.state.id", "session-store",
            "in.memory.state.id", "pending-activity-store",
            "in.memory.window.state.id", "an-in-memory-window-store",
            "in.memory.session.state.id", "an-in-memory-session-store");
    stores.forEach(
        (kind, store) ->
            Gauge.builder("kafka.stream.state.put.rate", () -> 1.0)
                .tag(kind, store)
                .tag("task.id", "0_0")
                .register(registry));

    String scrape = registry.scrape();

    for (String store : stores.values()) {
      assertThat(scrape)
          .contains(
              "kafka_stream_state_put_rate{service=\"topology\",state_id=\""
                  + store
                  + "\",task_id=\"0_0\"} 1.0");
    }
  }
}
