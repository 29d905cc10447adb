package io.clickstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.platform.kafka.TopicInitializer;
import io.clickstream.platform.kafka.TopicSpec;
import io.clickstream.platform.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaTest {

  private static final int RECORDS = 1000;

  private static String bootstrapServers;
  private static Admin admin;

  @BeforeAll
  static void connect() {
    bootstrapServers = TestServices.get().kafkaBootstrapServers();
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  @AfterAll
  static void disconnect() {
    admin.close();
  }

  @Test
  void everyTopicExistsWithItsPartitionsAndCleanupPolicy() throws Exception {
    List<TopicSpec> specs = Topics.all();
    Map<String, TopicDescription> descriptions =
        admin.describeTopics(names(specs)).allTopicNames().get();
    Map<ConfigResource, Config> configs =
        admin
            .describeConfigs(
                specs.stream()
                    .map(s -> new ConfigResource(ConfigResource.Type.TOPIC, s.name()))
                    .toList())
            .all()
            .get();

    for (TopicSpec spec : specs) {
      assertThat(descriptions.get(spec.name()).partitions()).hasSize(spec.partitions());
      Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
      assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
          .isEqualTo(spec.compacted() ? "compact" : "delete");
      assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value())
          .isEqualTo(Long.toString(spec.retentionMs()));
    }
    assertThat(descriptions.get(Topics.EVENTS).partitions()).hasSize(6);
    assertThat(descriptions.get(Topics.CONFIG_FUNNELS).partitions()).hasSize(3);
  }

  @Test
  void anIdempotentProducerLosesNothingRightAfterTheTopicIsCreated() throws Exception {
    String topic = "test.fresh-" + UUID.randomUUID();
    new TopicInitializer(admin, (short) 1)
        .initialize(List.of(new TopicSpec(topic, 6, false, TopicSpec.RETAIN_FOREVER)));

    List<Future<RecordMetadata>> sends = new ArrayList<>();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerConfig(bootstrapServers))) {
      for (int i = 0; i < RECORDS; i++) {
        sends.add(producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i)));
      }
      producer.flush();
    }
    for (Future<RecordMetadata> send : sends) {
      send.get(); // throws if any record was not acknowledged
    }

    List<ConsumerRecord<String, String>> consumed = readAll(bootstrapServers, topic);
    assertThat(consumed).hasSize(RECORDS);
    Set<String> values = consumed.stream().map(ConsumerRecord::value).collect(Collectors.toSet());
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < RECORDS; i++) {
      expected.add("value-" + i);
    }
    assertThat(values).isEqualTo(expected);
  }

  @Test
  void initializingTwiceCreatesTheTopicsOnceAndChangesNothing() throws Exception {
    String prefix = "test.twice-" + UUID.randomUUID();
    List<TopicSpec> specs =
        List.of(
            new TopicSpec(prefix + ".a", 4, false, Duration.ofDays(1).toMillis()),
            new TopicSpec(prefix + ".b", 2, true, TopicSpec.RETAIN_FOREVER));
    TopicInitializer initializer = new TopicInitializer(admin, (short) 1);

    List<String> createdFirst = initializer.initialize(specs);
    List<String> createdSecond = initializer.initialize(specs);

    assertThat(createdFirst).containsExactlyInAnyOrder(prefix + ".a", prefix + ".b");
    assertThat(createdSecond).isEmpty();
    Map<String, TopicDescription> descriptions =
        admin.describeTopics(names(specs)).allTopicNames().get();
    assertThat(descriptions.get(prefix + ".a").partitions()).hasSize(4);
    assertThat(descriptions.get(prefix + ".b").partitions()).hasSize(2);
  }

  @Test
  void aReadCommittedConsumerSeesCommittedTransactionsOnly() throws Exception {
    String topic = "test.transactions-" + UUID.randomUUID();
    new TopicInitializer(admin, (short) 1)
        .initialize(List.of(new TopicSpec(topic, 3, false, TopicSpec.RETAIN_FOREVER)));
    Map<String, Object> config = new HashMap<>(producerConfig(bootstrapServers));
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-" + UUID.randomUUID());

    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "a", "committed-1"));
      producer.send(new ProducerRecord<>(topic, "b", "committed-2"));
      producer.commitTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "c", "aborted"));
      producer.flush();
      producer.abortTransaction();
    }

    assertThat(readAll(bootstrapServers, topic))
        .map(ConsumerRecord::value)
        .containsExactlyInAnyOrder("committed-1", "committed-2");
  }

  static Map<String, Object> producerConfig(String bootstrapServers) {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers,
        ProducerConfig.ACKS_CONFIG,
        "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
        true,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
        StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
        StringSerializer.class);
  }

  /** Reads a topic from the beginning up to its end offsets as they are now. */
  static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Could not read " + topic + " to its end offsets " + end);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  private static List<String> names(List<TopicSpec> specs) {
    return specs.stream().map(TopicSpec::name).toList();
  }
}
