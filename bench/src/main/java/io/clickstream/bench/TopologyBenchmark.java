package io.clickstream.bench;

import io.clickstream.embedded.Infrastructure;
import io.clickstream.model.Event;
import io.clickstream.model.EventSerde;
import io.clickstream.platform.kafka.Topics;
import io.clickstream.topology.TopologyService;
import io.clickstream.topology.TopologySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.tools.ConsumerPerformance;

/**
 * Events/s through the whole topology (every aggregate, exactly-once, Redis mirror) on one
 * instance, next to Kafka's ConsumerPerformance reading the same input in the same run and to Kafka
 * Streams' own floor ({@link StreamsFloor}); and the state it keeps per million events.
 *
 * <p>{@code ./mvnw -q -pl bench -am -DskipTests install && ./mvnw -q -pl bench exec:java
 * -Dexec.mainClass=io.clickstream.bench.TopologyBenchmark -Dexec.args=1000000}
 */
public final class TopologyBenchmark {
  private static final String APPLICATION_ID = "bench-topology";

  public static void main(String[] args) throws Exception {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    // Optional Kafka Streams settings to compare, e.g. commit.interval.ms=500,num.stream.threads=2
    Map<String, String> overrides = new HashMap<>();
    if (args.length > 1) {
      for (String setting : args[1].split(",")) {
        String[] pair = setting.split("=", 2);
        overrides.put(pair[0], pair[1]);
      }
    }
    Path stateRoot = Path.of("target", "bench", "topology-state").toAbsolutePath();
    org.apache.kafka.common.utils.Utils.delete(stateRoot.toFile());
    Path stateDir = stateRoot.resolve(APPLICATION_ID);
    try (Infrastructure services = BenchSupport.freshServices("topology");
        Admin admin =
            Admin.create(
                Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    services.kafkaBootstrapServers()))) {
      String bootstrap = services.kafkaBootstrapServers();
      long bytes = produce(bootstrap, events);
      System.out.printf(
          "input: %,d events, %s on clickstream.events (%d bytes/event)%n",
          events, BenchSupport.mib(bytes), bytes / events);

      List<String> reference =
          BenchSupport.runTool(
              ConsumerPerformance::main,
              "--bootstrap-server",
              bootstrap,
              "--topic",
              Topics.EVENTS,
              "--num-records",
              Long.toString(events),
              "--timeout",
              "120000");
      double consumerRate = Double.parseDouble(reference.get(1).split(",")[5].trim());
      Map<StreamsFloor.Work, Double> floors = new EnumMap<>(StreamsFloor.Work.class);
      for (StreamsFloor.Work work : StreamsFloor.Work.values()) {
        floors.put(work, StreamsFloor.run(work, bootstrap, admin, stateRoot, events));
      }

      TopologyService topology =
          new TopologyService(
              new TopologySettings(
                  APPLICATION_ID,
                  bootstrap,
                  services.redisUrl(),
                  stateDir,
                  "127.0.0.1",
                  0,
                  1,
                  Duration.ofMillis(250),
                  false,
                  overrides),
              () -> System.exit(1));
      long started = System.nanoTime();
      topology.start();
      topology.awaitRunning(Duration.ofMinutes(2));
      long running = System.nanoTime();
      ThreadTime threadTime = new ThreadTime();
      awaitCaughtUp(admin, APPLICATION_ID, threadTime);
      long done = System.nanoTime();
      topology.close();

      double seconds = (done - started) / 1e9;
      double processingSeconds = (done - running) / 1e9;
      double rate = events / seconds;
      long stateBytes = BenchSupport.sizeOnDisk(stateDir);
      Map<String, Long> topicBytes = changelogBytes(admin);
      long changelogBytes = topicBytes.values().stream().mapToLong(Long::longValue).sum();
      double perMillion = 1_000_000.0 / events;

      System.out.println();
      System.out.println("| what | figure |");
      System.out.println("|---|---|");
      System.out.printf("| events | %,d |%n", events);
      System.out.printf(
          "| Kafka Streams settings | %s |%n", overrides.isEmpty() ? "defaults" : overrides);
      System.out.printf(
          "| ConsumerPerformance (same input, same run) | %,.0f events/s |%n", consumerRate);
      floors.forEach(
          (work, floorRate) ->
              System.out.printf(
                  "| %s, start to caught up | %,.0f events/s (ratio %.2f) |%n",
                  work.label, floorRate, floorRate / consumerRate));
      System.out.printf(
          "| topology, start to caught up (incl. %.1f s start-up) | %,.0f events/s |%n",
          (running - started) / 1e9, rate);
      System.out.printf(
          "| topology, RUNNING to caught up | %,.0f events/s |%n", events / processingSeconds);
      System.out.printf(
          "| ratio topology / consumer (start to caught up) | %.2f (goal ≥ 0.2) |%n",
          rate / consumerRate);
      System.out.printf(
          "| RocksDB state on disk per million events | %s |%n",
          BenchSupport.mib((long) (stateBytes * perMillion)));
      System.out.printf(
          "| changelog + repartition topics per million events | %s |%n",
          BenchSupport.mib((long) (changelogBytes * perMillion)));
      System.out.println();
      System.out.println("Largest internal topics, per million events:");
      topicBytes.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(8)
          .forEach(
              e ->
                  System.out.printf(
                      "  %-45s %s%n",
                      e.getKey(), BenchSupport.mib((long) (e.getValue() * perMillion))));
      System.out.println();
      System.out.println("Where the stream thread spent its time (Kafka Streams' own ratios):");
      System.out.println(threadTime.summary());
    }
    System.exit(0);
  }

  static long produce(String bootstrap, long count) throws Exception {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 50);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 1024 * 1024);
    SyntheticEvents source =
        new SyntheticEvents(42, 10, 50_000, 50, System.currentTimeMillis() - 3_600_000, count);
    EventSerde serde = new EventSerde();
    long bytes = 0;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            config,
            new StringSerializer(),
            new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      for (long i = 0; i < count; i++) {
        Event event = source.next();
        byte[] value = serde.serializer().serialize(Topics.EVENTS, event);
        bytes += value.length;
        producer.send(
            new ProducerRecord<>(Topics.EVENTS, null, event.ts(), event.kafkaKey(), value));
      }
      producer.flush();
    }
    return bytes;
  }

  /**
   * Until the application's committed offsets reach the end of its input and repartition topics.
   */
  static void awaitCaughtUp(Admin admin, String applicationId, ThreadTime threadTime)
      throws Exception {
    while (true) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
      if (!committed.isEmpty()) {
        Map<TopicPartition, OffsetSpec> latest =
            committed.keySet().stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        boolean inputSeen =
            committed.keySet().stream().anyMatch(tp -> tp.topic().equals(Topics.EVENTS));
        long lag = 0;
        for (var entry : committed.entrySet()) {
          lag += ends.get(entry.getKey()).offset() - entry.getValue().offset();
        }
        if (inputSeen && lag <= committed.size()) { // a transaction marker may trail each partition
          return;
        }
      }
      threadTime.sample();
      Thread.sleep(200);
    }
  }

  /** Bytes per internal topic of the application (changelogs and the repartition topic). */
  private static Map<String, Long> changelogBytes(Admin admin) throws Exception {
    Set<Integer> brokers =
        admin.describeCluster().nodes().get().stream().map(n -> n.id()).collect(Collectors.toSet());
    Map<String, Long> bytes = new TreeMap<>();
    for (Map<String, LogDirDescription> dirs :
        admin.describeLogDirs(brokers).allDescriptions().get().values()) {
      for (LogDirDescription dir : dirs.values()) {
        for (var replica : dir.replicaInfos().entrySet()) {
          String topic = replica.getKey().topic();
          if (topic.startsWith(APPLICATION_ID)) {
            bytes.merge(
                topic.substring(APPLICATION_ID.length() + 1), replica.getValue().size(), Long::sum);
          }
        }
      }
    }
    return bytes;
  }
}
