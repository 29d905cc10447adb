package io.clickstream.launcher;

import io.clickstream.platform.kafka.TopicInitializer;
import io.clickstream.platform.kafka.Topics;
import io.clickstream.topology.TopologyService;
import io.clickstream.topology.TopologySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "topology",
    mixinStandardHelpOptions = true,
    description = {
      "Run a Kafka Streams instance: sessions and aggregates, mirrored to Redis (port 8083).",
      "Serves per-visitor journeys at /internal/v1/apps/{app}/visitors/{visitor}/journey;"
          + " other instances reach it at KAFKA_STREAMS_APPLICATION_SERVER (host:port),"
          + " by default the bound host and port.",
      "Raw Kafka Streams settings: KAFKA_STREAMS_<NAME>, e.g. KAFKA_STREAMS_MAX_POLL_RECORDS=500."
    })
final class TopologyCommand implements Callable<Integer> {
  @Mixin Options.Http http;
  @Mixin Options.Kafka kafka;
  @Mixin Options.Redis redis;

  @Option(
      names = "--port",
      defaultValue = "${env:TOPOLOGY_PORT:-8083}",
      description = "HTTP port (health, metrics). Env: TOPOLOGY_PORT. Default: ${DEFAULT-VALUE}")
  int port;

  @Option(
      names = "--application-id",
      defaultValue = "${env:CLICKSTREAM_APPLICATION_ID:-clickstream-topology}",
      description =
          "Kafka Streams application id. Env: CLICKSTREAM_APPLICATION_ID. Default: ${DEFAULT-VALUE}")
  String applicationId;

  @Option(
      names = "--state-dir",
      defaultValue = "${env:KAFKA_STREAMS_STATE_DIR:-./state}",
      description =
          "Where RocksDB state lives (keep it on a persistent volume). Env: KAFKA_STREAMS_STATE_DIR."
              + " Default: ${DEFAULT-VALUE}")
  Path stateDir;

  @Option(
      names = "--threads",
      defaultValue = "${env:KAFKA_STREAMS_NUM_STREAM_THREADS:-1}",
      description =
          "Stream threads. Env: KAFKA_STREAMS_NUM_STREAM_THREADS. Default: ${DEFAULT-VALUE}")
  int threads;

  @Option(
      names = "--mirror-interval-ms",
      defaultValue = "${env:MIRROR_INTERVAL_MS:-250}",
      description =
          "How often aggregates are written to Redis. Env: MIRROR_INTERVAL_MS. Default: ${DEFAULT-VALUE}")
  long mirrorIntervalMs;

  @Option(
      names = "--rebuild-mirror",
      defaultValue = "${env:CLICKSTREAM_REBUILD_MIRROR:-false}",
      description =
          "Write every stored aggregate to Redis again at start (after Redis lost data)."
              + " Env: CLICKSTREAM_REBUILD_MIRROR.")
  boolean rebuildMirror;

  @Override
  public Integer call() throws Exception {
    Lifecycle lifecycle = new Lifecycle();
    TopicInitializer.initialize(kafka.bootstrapServers, kafka.replicationFactor, Topics.all());
    TopologySettings settings =
        new TopologySettings(
            applicationId,
            kafka.bootstrapServers,
            redis.redisUrl,
            stateDir,
            http.host,
            port,
            threads,
            Duration.ofMillis(mirrorIntervalMs),
            rebuildMirror,
            EnvOverrides.withPrefix("KAFKA_STREAMS_"));
    lifecycle.started(new TopologyService(settings, Lifecycle::exitWithFailure)).start();
    lifecycle.awaitShutdown();
    return 0;
  }
}
