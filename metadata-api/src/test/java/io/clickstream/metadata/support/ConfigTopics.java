package io.clickstream.metadata.support;

import io.clickstream.embedded.TestServices;
import io.clickstream.metadata.outbox.OutboxRelay;
import io.clickstream.platform.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the clickstream.config.* topics of the test broker from the beginning. */
public final class ConfigTopics {
  public static final List<String> TOPICS =
      List.of(
          Topics.CONFIG_APPS,
          Topics.CONFIG_TOKEN_REVOCATIONS,
          Topics.CONFIG_FUNNELS,
          Topics.CONFIG_PRODUCTS);

  private ConfigTopics() {}

  /** One record as consumed; a null value is a tombstone. */
  public record Record(String topic, String key, String value, long outboxId) {
    @Override
    public String toString() {
      return topic + " " + key + " = " + value;
    }
  }

  /** Every record up to the current end of the topics. */
  public static List<Record> readAll() {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestServices.get().kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : TOPICS) {
        consumer
            .partitionsFor(topic)
            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<Record> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Could not read the config topics to their end");
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          Header id = record.headers().lastHeader(OutboxRelay.OUTBOX_ID_HEADER);
          records.add(
              new Record(
                  record.topic(),
                  record.key(),
                  record.value(),
                  Long.parseLong(new String(id.value(), StandardCharsets.UTF_8))));
        }
      }
      return records;
    }
  }

  /** The values of each key that passes the filter, in the order they were consumed. */
  public static Map<String, List<Record>> byKey(Predicate<String> keyFilter) {
    Map<String, List<Record>> byKey = new java.util.LinkedHashMap<>();
    for (Record record : readAll()) {
      if (keyFilter.test(record.key())) {
        byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
      }
    }
    return byKey;
  }
}
