package io.clickstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.platform.kafka.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import redis.clients.jedis.JedisPooled;

/** A little data in each service, written before a restart and expected after it. */
final class SampleData {

  static final int RECORDS = 10;

  private SampleData() {}

  static Path testDir() {
    return Path.of(System.getProperty(TestServices.TEST_DIR_PROPERTY, "target/test-services"))
        .toAbsolutePath();
  }

  static void write(Infrastructure services) throws Exception {
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(KafkaTest.producerConfig(services.kafkaBootstrapServers()))) {
      for (int i = 0; i < RECORDS; i++) {
        sends.add(
            producer.send(new ProducerRecord<>(Topics.EVENTS, "app:visitor-" + i, "event-" + i)));
      }
    }
    for (Future<RecordMetadata> send : sends) {
      send.get();
    }
    try (Connection connection = PostgresAndRedisTest.connect(services.databaseUrl());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE samples (id int PRIMARY KEY)");
      statement.execute("INSERT INTO samples SELECT generate_series(1, " + RECORDS + ")");
    }
    try (JedisPooled redis = new JedisPooled(URI.create(services.redisUrl()))) {
      redis.set("sample:key", "kept");
    }
  }

  static void assertPresent(Infrastructure services) throws SQLException {
    List<ConsumerRecord<String, String>> records =
        KafkaTest.readAll(services.kafkaBootstrapServers(), Topics.EVENTS);
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < RECORDS; i++) {
      expected.add("event-" + i);
    }
    assertThat(records).map(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(expected);

    try (Connection connection = PostgresAndRedisTest.connect(services.databaseUrl());
        Statement statement = connection.createStatement()) {
      assertThat(PostgresAndRedisTest.texts(statement, "SELECT count(*) FROM samples"))
          .containsExactly(Integer.toString(RECORDS));
    }
    try (JedisPooled redis = new JedisPooled(URI.create(services.redisUrl()))) {
      assertThat(redis.get("sample:key")).isEqualTo("kept");
    }
  }

  /** Four different free ports, so that a restart can reuse them. */
  static Ports freePorts() {
    Set<Integer> ports = new HashSet<>();
    while (ports.size() < 4) {
      ports.add(FreePort.pick());
    }
    List<Integer> list = new ArrayList<>(ports);
    return new Ports(list.get(0), list.get(1), list.get(2), list.get(3));
  }

  static Infrastructure startServices(Path dataDir, Ports ports) {
    return new Infrastructure(
            ExternalServices.none(), dataDir, testDir().resolve("binaries"), ports, Topics.all())
        .start();
  }
}
