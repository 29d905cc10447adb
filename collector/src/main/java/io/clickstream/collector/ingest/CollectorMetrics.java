package io.clickstream.collector.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The collector's own meters, next to the per-route request timers every service has. Every tag
 * value comes from a small fixed set, never from what a client chose.
 */
public final class CollectorMetrics {
  /** The way events came in: a tag on the event counters. */
  public enum Channel {
    HTTP,
    WEBSOCKET;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final MeterRegistry registry;
  private final Counter publishFailures;
  private final Timer produceLatency;

  public CollectorMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.publishFailures =
        Counter.builder("collector.publish.failures")
            .description("Batches, frames and session events Kafka did not acknowledge in time")
            .register(registry);
    this.produceLatency =
        Timer.builder("collector.produce.latency")
            .description("From sending a batch to Kafka until every record of it was acknowledged")
            .publishPercentiles(0.5, 0.99)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
  }

  public void accepted(Channel channel, int count) {
    Counter.builder("collector.events.accepted")
        .description("Events acknowledged by Kafka")
        .tag("channel", channel.tag())
        .register(registry)
        .increment(count);
  }

  /** Tagged by the top-level field at fault ({@code url}, {@code props}, {@code event}, …). */
  public void rejected(Channel channel, String field) {
    int dot = field.indexOf('.');
    String topLevel = dot < 0 ? field : field.substring(0, dot);
    Counter.builder("collector.events.rejected")
        .description("Events rejected by validation (and sent to the dead-letter topic)")
        .tag("channel", channel.tag())
        .tag("field", topLevel)
        .register(registry)
        .increment();
  }

  /** A batch or frame refused as a whole because its app is over its events/s limit. */
  public void rateLimited(Channel channel) {
    Counter.builder("collector.rate.limited")
        .description("Batches and frames refused because the app exceeded its events/s limit")
        .tag("channel", channel.tag())
        .register(registry)
        .increment();
  }

  public void publishFailed() {
    publishFailures.increment();
  }

  public void produced(Duration latency) {
    produceLatency.record(latency);
  }

  public void sessionEnded(String reason) {
    Counter.builder("collector.sessions.ended")
        .description("WebSocket sessions ended, by the reason on their session_end event")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** A WebSocket closed by the server, by close code (1000 goodbye, 1001 shutdown, 1008, 1013). */
  public void socketClosedByServer(int code) {
    Counter.builder("collector.websocket.server.closes")
        .description("WebSockets the collector closed, by close code")
        .tag("code", Integer.toString(code))
        .register(registry)
        .increment();
  }

  public void frameReceived() {
    Counter.builder("collector.websocket.frames")
        .description("Text frames received on WebSockets")
        .register(registry)
        .increment();
  }

  public void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }
}
