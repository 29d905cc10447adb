package io.clickstream.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running in this JVM.
 *
 * <p>Its data survives a restart on the same directory, also after the JVM was killed: Kafka
 * recovers its logs on the next start.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final int NODE_ID = 1;
  private static final String HOST = "127.0.0.1";
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  private final Path dataDir;
  private final int requestedPort;
  private final int requestedControllerPort;
  private int port;
  private int controllerPort;
  private KafkaRaftServer server;

  /**
   * @param port the client port, 0 to pick a free one
   * @param controllerPort the KRaft controller port, 0 to pick a free one
   */
  public EmbeddedKafka(Path dataDir, int port, int controllerPort) {
    this.dataDir = dataDir.toAbsolutePath();
    this.requestedPort = port;
    this.requestedControllerPort = controllerPort;
  }

  public synchronized void start() {
    if (server != null) {
      throw new IllegalStateException("Kafka already started on " + bootstrapServers());
    }
    FreePort.retryIfPicked(
        "Kafka", requestedPort == 0 || requestedControllerPort == 0, this::attemptStart);
  }

  private void attemptStart() {
    port = FreePort.pickIfZero(requestedPort);
    controllerPort = FreePort.pickIfZero(requestedControllerPort);
    FreePort.requireFree(port, "Kafka");
    FreePort.requireFree(controllerPort, "Kafka's controller");
    KafkaConfig config = KafkaConfig.fromProps(brokerProperties(), false);
    formatIfNew();
    KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
    try {
      starting.startup();
    } catch (RuntimeException e) {
      stop(starting);
      throw new IllegalStateException("Kafka did not start on " + HOST + ":" + port, e);
    }
    server = starting;
  }

  public synchronized String bootstrapServers() {
    requireStarted();
    return HOST + ":" + port;
  }

  public synchronized int port() {
    requireStarted();
    return port;
  }

  public synchronized int controllerPort() {
    requireStarted();
    return controllerPort;
  }

  /** Shuts the broker down cleanly and waits until it has. */
  @Override
  public synchronized void close() {
    if (server != null) {
      stop(server);
      server = null;
    }
  }

  private Properties brokerProperties() {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put(
        "listeners",
        String.format(
            "PLAINTEXT://%s:%d,%s://%s:%d", HOST, port, CONTROLLER_LISTENER, HOST, controllerPort));
    props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
    props.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", dataDir.toString());

    // One node: every internal topic has one replica, and one in-sync replica is enough. Five
    // partitions instead of 50 for the internal topics: nothing to spread, created faster.
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "5");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "5");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");

    // Consumer groups and Kafka Streams start at once instead of waiting for more members.
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("group.streams.initial.rebalance.delay.ms", "0");
    props.put("group.streams.min.heartbeat.interval.ms", "500");
    props.put("group.streams.heartbeat.interval.ms", "500");

    // After a kill -9 the controller keeps the dead broker's registration until its session times
    // out, and refuses the restarted broker until then: 9 s by default, 4 s here.
    props.put("broker.heartbeat.interval.ms", "1000");
    props.put("broker.session.timeout.ms", "4000");

    // Topics are created by TopicInitializer, which waits until they take writes (KAFKA-15591);
    // an auto-created topic would lose the first records of an idempotent producer.
    props.put("auto.create.topics.enable", "false");
    // The compacted configuration topics are tiny: the default 128 MiB dedupe buffer is heap
    // wasted.
    props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
    return props;
  }

  // Formats the log directory once; a formatted directory keeps its cluster id and its data.
  private void formatIfNew() {
    if (Files.exists(dataDir.resolve("meta.properties"))) {
      return;
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      Files.createDirectories(dataDir);
      new Formatter()
          .setPrintStream(printStream)
          .setClusterId(Uuid.randomUuid().toString())
          .setNodeId(NODE_ID)
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setMetadataLogDirectory(dataDir.toString())
          .setDirectories(Set.of(dataDir.toString()))
          .setReleaseVersion(MetadataVersion.latestProduction())
          .run();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + dataDir, e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot format the Kafka log directory " + dataDir + ": " + output, e);
    }
    log.debug("Formatted {}: {}", dataDir, output.toString(StandardCharsets.UTF_8).trim());
  }

  private static void stop(KafkaRaftServer server) {
    server.shutdown();
    server.awaitShutdown();
  }

  private void requireStarted() {
    if (server == null) {
      throw new IllegalStateException("Kafka is not running");
    }
  }
}
