package io.clickstream.topology;

import io.clickstream.platform.http.HttpService;
import io.clickstream.platform.kafka.TopicInitializer;
import io.clickstream.platform.kafka.Topics;
import io.clickstream.platform.metrics.Metrics;
import io.clickstream.topology.mirror.RedisMirrorSink;
import io.clickstream.topology.visitor.JourneyEndpoint;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one topology instance: Kafka Streams, its Redis mirror and a small HTTP server for health,
 * readiness (state RUNNING) and metrics.
 */
public final class TopologyService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TopologyService.class);

  private final TopologySettings settings;
  private final Runnable onFatalError;
  private final PrometheusMeterRegistry registry = Metrics.newRegistry("topology");
  private final CountDownLatch running = new CountDownLatch(1);
  private RedisMirrorSink mirror;
  private KafkaStreams streams;
  private KafkaStreamsMetrics streamsMetrics;
  private HttpService http;
  private final JourneyEndpoint journeys = new JourneyEndpoint();

  /**
   * @param onFatalError called when a stream thread dies of an unexpected error: the process should
   *     exit non-zero so that its supervisor restarts it.
   */
  public TopologyService(TopologySettings settings, Runnable onFatalError) {
    this.settings = settings;
    this.onFatalError = onFatalError;
  }

  public TopologyService start() {
    createInternalTopics();
    mirror = new RedisMirrorSink(settings.redisUrl());
    Topology topology =
        ClickstreamTopology.build(
            new ClickstreamTopology.Options(
                mirror,
                settings.mirrorInterval(),
                ClickstreamTopology.DEFAULT_FLUSH_INTERVAL,
                settings.rebuildMirror()));
    log.info("Topology:\n{}", topology.describe());
    http =
        HttpService.builder("topology", registry)
            .listen(settings.host(), settings.httpPort())
            .readiness("streams", () -> streams.state() == KafkaStreams.State.RUNNING)
            .get(JourneyEndpoint.PATH, journeys)
            .build()
            .start();
    // Interactive queries find an instance by the host:port it advertises, so the HTTP port must be
    // bound first (it may be 0 in tests). KAFKA_STREAMS_APPLICATION_SERVER overrides it.
    Properties config = settings.streamsConfig();
    HostInfo self =
        HostInfo.buildFromEndpoint(
            settings
                .overrides()
                .getOrDefault(
                    StreamsConfig.APPLICATION_SERVER_CONFIG, advertisedHost() + ":" + http.port()));
    config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    streams = new KafkaStreams(topology, config);
    streams.setStateListener(
        (now, before) -> {
          log.info("Kafka Streams state {} -> {}", before, now);
          if (now == KafkaStreams.State.RUNNING) {
            running.countDown();
          }
        });
    streams.setUncaughtExceptionHandler(
        error -> {
          log.error("A stream thread failed; shutting this instance down", error);
          onFatalError.run();
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    journeys.attach(streams, self);
    streams.start();
    return this;
  }

  /** The host other instances reach this one at: the bound host, or this machine's address. */
  private String advertisedHost() {
    String host = settings.host();
    if (!host.equals("0.0.0.0") && !host.equals("::")) {
      return host;
    }
    try {
      return InetAddress.getLocalHost().getHostAddress();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /**
   * Creates Kafka Streams' changelog and repartition topics ourselves and waits until they take
   * writes: a topic Streams creates at its first start may lose its first batches (KAFKA-15591),
   * which under exactly-once costs a rebalance and a replay.
   */
  private void createInternalTopics() {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()))) {
      int partitions = partitions(admin, Topics.EVENTS);
      int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
      int productPartitions = partitions(admin, Topics.CONFIG_PRODUCTS);
      new TopicInitializer(admin, (short) Math.min(3, brokers))
          .initialize(
              ClickstreamTopology.internalTopics(
                  settings.applicationId(), partitions, productPartitions));
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not prepare the topology's internal topics", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while preparing internal topics", e);
    }
  }

  private static int partitions(Admin admin, String topic)
      throws ExecutionException, InterruptedException, TimeoutException {
    return admin
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get(30, TimeUnit.SECONDS)
        .get(topic)
        .partitions()
        .size();
  }

  /** Waits until Kafka Streams reached RUNNING once; false on timeout. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public String url() {
    return http.url();
  }

  @Override
  public void close() {
    if (http != null) {
      http.close();
    }
    if (streams != null) {
      // Closing commits the last transaction, so a clean stop replays nothing.
      streams.close(Duration.ofSeconds(30));
      streamsMetrics.close();
    }
    if (mirror != null) {
      mirror.close();
    }
  }
}
