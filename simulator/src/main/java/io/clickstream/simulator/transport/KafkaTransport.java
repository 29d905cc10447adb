package io.clickstream.simulator.transport;

import io.clickstream.model.Event;
import io.clickstream.model.EventStamper;
import io.clickstream.model.EventValidator;
import io.clickstream.model.Json;
import io.clickstream.model.Violation;
import io.clickstream.platform.kafka.EventProducers;
import io.clickstream.platform.kafka.Topics;
import io.clickstream.simulator.behaviour.Chunk;
import io.clickstream.simulator.behaviour.OutgoingEvent;
import io.clickstream.simulator.behaviour.VisitorProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Straight to Kafka, bypassing the collector, writing what the collector would write: each
 * well-formed event stamped by {@link EventStamper} (key {@code appId:visitorId}, record time =
 * event time) to {@link Topics#EVENTS}, each malformed one as a dead letter to {@link
 * Topics#EVENTS_DLQ}. For load that the collector cannot reach, and for the topology alone.
 */
public final class KafkaTransport implements Transport {
  private final KafkaProducer<String, byte[]> producer;

  public KafkaTransport(String bootstrapServers) {
    Properties props = EventProducers.settings(bootstrapServers, "clickstream-simulator");
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  @Override
  public Sender newSender() {
    return Sender.stateless(this::produce);
  }

  private Delivery produce(Chunk chunk) throws InterruptedException {
    long started = System.nanoTime();
    long receivedAt = System.currentTimeMillis();
    VisitorProfile visitor = chunk.visitor();
    String key = visitor.appId() + ":" + visitor.id();
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    Set<Integer> rejected = new HashSet<>();
    for (int index = 0; index < chunk.events().size(); index++) {
      OutgoingEvent outgoing = chunk.events().get(index);
      if (outgoing.malformed()) {
        rejected.add(index);
        acks.add(
            producer.send(
                new ProducerRecord<>(
                    Topics.EVENTS_DLQ, key, deadLetter(chunk, index, receivedAt))));
        continue;
      }
      Event stamped =
          EventStamper.stamp(
              outgoing.event(),
              visitor.appId(),
              visitor.id(),
              chunk.sessionId(),
              receivedAt,
              visitor.userAgent(),
              ipHash(visitor));
      acks.add(
          producer.send(
              new ProducerRecord<>(
                  Topics.EVENTS, null, stamped.ts(), stamped.kafkaKey(), Json.toBytes(stamped))));
    }
    try {
      for (Future<RecordMetadata> ack : acks) {
        ack.get(60, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      return Delivery.failed(e.toString(), System.nanoTime() - started, List.of());
    }
    return Delivery.answered(rejected, System.nanoTime() - started, List.of());
  }

  /** The collector's dead-letter shape: app, visitor, index in the batch, reason, raw event. */
  private static byte[] deadLetter(Chunk chunk, int index, long receivedAt) {
    Map<String, Object> letter = new LinkedHashMap<>();
    letter.put("app_id", chunk.visitor().appId());
    letter.put("visitor_id", chunk.visitor().id());
    letter.put("index", index);
    Map<String, Object> raw = chunk.events().get(index).wire();
    letter.put("reason", Violation.describe(EventValidator.validate(Json.MAPPER.valueToTree(raw))));
    letter.put("event", raw);
    letter.put("received_at", receivedAt);
    return Json.toBytes(letter);
  }

  /** Stands in for the collector's salted hash of the client address: one per visitor, no IP. */
  private static String ipHash(VisitorProfile visitor) {
    return visitor.id().replace("-", "");
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
