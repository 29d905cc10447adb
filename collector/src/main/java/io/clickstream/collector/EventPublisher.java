package io.clickstream.collector;

import io.clickstream.model.Event;
import io.clickstream.model.Json;
import io.clickstream.platform.kafka.Topics;
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
 * acknowledged every record (acks=all, idempotent), which is when the collector may answer 2xx.
 */
public final class EventPublisher implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;

  public EventPublisher(String bootstrapServers, Map<String, String> overrides) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    // Bounded waits: a request never hangs longer than this when Kafka is away; it gets a 503.
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "clickstream-collector");
    props.putAll(overrides);
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  public CompletableFuture<Void> publish(List<Event> events, List<DeadLetter> deadLetters) {
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
    return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
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

  @Override
  public void close() {
    producer.close();
  }
}
