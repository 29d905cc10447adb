package io.clickstream.collector.ingest;

import io.clickstream.model.Event;
import io.clickstream.model.Json;
import io.clickstream.platform.kafka.EventProducers;
import io.clickstream.platform.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes accepted events and dead letters to Kafka. The returned future completes only when Kafka
 * acknowledged every record (acks=all, idempotent), which is when the collector may answer 2xx or
 * ack a WebSocket frame.
 *
 * <p>Failure is bounded in time: {@code send} blocks at most {@code max.block.ms} when the buffer
 * is full or the cluster's metadata is missing, and a record not acknowledged within {@code
 * delivery.timeout.ms} fails its future. Either way the caller answers 503 and the client keeps the
 * events to send again; nothing it was told was stored is lost.
 */
public final class EventPublisher implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;
  private final CollectorMetrics metrics;

  public EventPublisher(
      String bootstrapServers, Map<String, String> overrides, CollectorMetrics metrics) {
    this.metrics = metrics;
    Properties props = EventProducers.settings(bootstrapServers, "clickstream-collector");
    // Bounded waits: a request never hangs longer than this when Kafka is away; it gets a 503.
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
    // The bounded buffer: 64 MiB of unacknowledged events (~200k) before send() blocks.
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    props.putAll(overrides);
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  public CompletableFuture<Void> publish(List<Event> events, List<DeadLetter> deadLetters) {
    if (events.isEmpty() && deadLetters.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    long started = System.nanoTime();
    List<CompletableFuture<Void>> acks = new ArrayList<>(events.size() + deadLetters.size());
    for (Event event : events) {
      acks.add(
          send(
              new ProducerRecord<>(
                  Topics.EVENTS, null, event.ts(), event.kafkaKey(), Json.toBytes(event))));
    }
    for (DeadLetter letter : deadLetters) {
      String key = letter.appId() + ":" + letter.visitorId();
      acks.add(send(new ProducerRecord<>(Topics.EVENTS_DLQ, key, Json.toBytes(letter))));
    }
    return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
        .whenComplete(
            (ignored, error) -> {
              if (error == null) {
                metrics.produced(Duration.ofNanos(System.nanoTime() - started));
              } else {
                metrics.publishFailed();
              }
            });
  }

  public CompletableFuture<Void> publish(Event event) {
    return publish(List.of(event), List.of());
  }

  private CompletableFuture<Void> send(ProducerRecord<String, byte[]> record) {
    CompletableFuture<Void> ack = new CompletableFuture<>();
    try {
      producer.send(
          record,
          (metadata, error) -> {
            if (error == null) {
              ack.complete(null);
            } else {
              ack.completeExceptionally(error);
            }
          });
    } catch (RuntimeException e) {
      // send() itself throws when the buffer stays full or metadata is missing past max.block.ms.
      ack.completeExceptionally(e);
    }
    return ack;
  }

  /** Waits for everything sent so far to be acknowledged or to fail, then closes. */
  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
