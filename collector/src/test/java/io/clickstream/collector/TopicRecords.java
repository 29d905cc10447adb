package io.clickstream.collector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what a topic holds right now. The collector answers only after Kafka acknowledged every
 * record (acks=all), so once it answered, its records are below the end offsets taken here: reading
 * up to them sees all of them, and a count is exact without waiting for anything.
 */
final class TopicRecords {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private TopicRecords() {}

  /** Every record of {@code topic} whose key is {@code appId:…}, in partition order. */
  static List<ConsumerRecord<String, byte[]>> ofApp(
      String bootstrapServers, String topic, String appId) {
    return all(bootstrapServers, topic).stream()
        .filter(record -> record.key() != null && record.key().startsWith(appId + ":"))
        .toList();
  }

  static List<ConsumerRecord<String, byte[]>> all(String bootstrapServers, String topic) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.CLIENT_ID_CONFIG,
            "collector-test-reader");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      Set<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .collect(Collectors.toSet());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (!partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "Could not read " + topic + " up to " + end + " within " + DEADLINE);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
