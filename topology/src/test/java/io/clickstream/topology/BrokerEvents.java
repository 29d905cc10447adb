package io.clickstream.topology;

import io.clickstream.embedded.TestServices;
import io.clickstream.model.Event;
import io.clickstream.model.EventSerde;
import io.clickstream.model.EventType;
import io.clickstream.model.Json;
import io.clickstream.platform.kafka.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Events as the collector stamps them, produced to the test broker's {@code clickstream.events}.
 */
final class BrokerEvents {
  private BrokerEvents() {}

  static Event.Builder event(String app, EventType type, String visitor, long ts) {
    return Event.builder()
        .id(UUID.randomUUID().toString())
        .type(type)
        .ts(ts)
        .appId(app)
        .visitorId(visitor)
        .receivedAt(ts)
        .userAgent(TopologyHarness.CHROME_UA);
  }

  /** One record of a configuration topic, as the metadata API's outbox publishes it. */
  static void publish(String topic, String key, Object value) throws Exception {
    try (KafkaProducer<String, byte[]> producer = producer(new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, Json.toBytes(value))).get();
    }
  }

  /** Produces the events in order and returns once the broker acknowledged every one. */
  static void produce(List<Event> events) throws Exception {
    try (KafkaProducer<String, Event> producer = producer(new EventSerde().serializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (Event event : events) {
        sent.add(producer.send(new ProducerRecord<>(Topics.EVENTS, event.kafkaKey(), event)));
      }
      producer.flush();
      for (Future<RecordMetadata> acknowledged : sent) {
        acknowledged.get();
      }
    }
  }

  private static <V> KafkaProducer<String, V> producer(Serializer<V> values) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestServices.get().kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        values);
  }
}
