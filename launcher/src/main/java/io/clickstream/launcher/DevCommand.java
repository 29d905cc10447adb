package io.clickstream.launcher;

import io.clickstream.collector.CollectorService;
import io.clickstream.collector.CollectorSettings;
import io.clickstream.embedded.ExternalServices;
import io.clickstream.embedded.Infrastructure;
import io.clickstream.embedded.Ports;
import io.clickstream.metadata.MetadataApiService;
import io.clickstream.metadata.MetadataApiSettings;
import io.clickstream.platform.config.DatabaseUrl;
import io.clickstream.platform.kafka.Topics;
import io.clickstream.query.QueryApiService;
import io.clickstream.query.QueryApiSettings;
import io.clickstream.simulator.Simulator;
import io.clickstream.simulator.SimulatorSettings;
import io.clickstream.topology.TopologyService;
import io.clickstream.topology.TopologySettings;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = {
      "Run everything in one process: an embedded Kafka broker, PostgreSQL and Redis (unless",
      "KAFKA_BOOTSTRAP_SERVERS, DATABASE_URL or REDIS_URL point at running ones), the collector,",
      "the topology, the metadata API and the query API. Data is kept in --data-dir between runs."
    })
final class DevCommand implements Callable<Integer> {

  @Option(
      names = "--data-dir",
      defaultValue = "${env:CLICKSTREAM_DATA_DIR:-./.clickstream}",
      description =
          "Where dev keeps its data. Env: CLICKSTREAM_DATA_DIR. Default: ${DEFAULT-VALUE}")
  Path dataDir;

  @Option(
      names = "--fresh",
      defaultValue = "${env:CLICKSTREAM_DEV_FRESH:-false}",
      description = "Wipe the data dir first. Env: CLICKSTREAM_DEV_FRESH.")
  boolean fresh;

  @Option(
      names = "--demo",
      defaultValue = "${env:CLICKSTREAM_DEV_DEMO:-false}",
      description =
          "Make a demo app and send it gentle synthetic traffic, so the numbers move."
              + " Env: CLICKSTREAM_DEV_DEMO.")
  boolean demo;

  @Option(
      names = "--host",
      defaultValue = "${env:CLICKSTREAM_HOST:-127.0.0.1}",
      description =
          "Address the HTTP servers listen on. Env: CLICKSTREAM_HOST. Default: ${DEFAULT-VALUE}")
  String host;

  @Option(
      names = "--collector-port",
      defaultValue = "${env:COLLECTOR_PORT:-8080}",
      description = "Collector port. Env: COLLECTOR_PORT. Default: ${DEFAULT-VALUE}")
  int collectorPort;

  @Option(
      names = "--query-api-port",
      defaultValue = "${env:QUERY_API_PORT:-8081}",
      description = "Query API port. Env: QUERY_API_PORT. Default: ${DEFAULT-VALUE}")
  int queryApiPort;

  @Option(
      names = "--metadata-api-port",
      defaultValue = "${env:METADATA_API_PORT:-8082}",
      description = "Metadata API port. Env: METADATA_API_PORT. Default: ${DEFAULT-VALUE}")
  int metadataApiPort;

  @Option(
      names = "--topology-port",
      defaultValue = "${env:TOPOLOGY_PORT:-8083}",
      description = "Topology HTTP port. Env: TOPOLOGY_PORT. Default: ${DEFAULT-VALUE}")
  int topologyPort;

  @Option(
      names = "--kafka-port",
      defaultValue = "${env:CLICKSTREAM_DEV_KAFKA_PORT:-9092}",
      description =
          "Embedded broker port. Env: CLICKSTREAM_DEV_KAFKA_PORT. Default: ${DEFAULT-VALUE}")
  int kafkaPort;

  @Option(
      names = "--kafka-controller-port",
      defaultValue = "${env:CLICKSTREAM_DEV_KAFKA_CONTROLLER_PORT:-9093}",
      description =
          "Embedded KRaft controller port. Env: CLICKSTREAM_DEV_KAFKA_CONTROLLER_PORT. Default: ${DEFAULT-VALUE}")
  int kafkaControllerPort;

  @Option(
      names = "--postgres-port",
      defaultValue = "${env:CLICKSTREAM_DEV_POSTGRES_PORT:-5433}",
      description =
          "Embedded PostgreSQL port. Env: CLICKSTREAM_DEV_POSTGRES_PORT. Default: ${DEFAULT-VALUE}")
  int postgresPort;

  @Option(
      names = "--redis-port",
      defaultValue = "${env:CLICKSTREAM_DEV_REDIS_PORT:-6379}",
      description =
          "Embedded Redis port. Env: CLICKSTREAM_DEV_REDIS_PORT. Default: ${DEFAULT-VALUE}")
  int redisPort;

  @Override
  public Integer call() throws Exception {
    if (fresh) {
      Infrastructure.deleteData(dataDir);
    }
    Files.createDirectories(dataDir);
    Lifecycle lifecycle = new Lifecycle();
    Infrastructure infra =
        lifecycle.started(
            new Infrastructure(
                    ExternalServices.fromEnvironment(System.getenv()),
                    dataDir,
                    dataDir.resolve("binaries"),
                    new Ports(kafkaPort, kafkaControllerPort, postgresPort, redisPort),
                    Topics.all())
                .start());
    byte[] tokenKey = DevSecrets.load(dataDir, "token-key").getBytes(StandardCharsets.UTF_8);
    String ipSalt = DevSecrets.load(dataDir, "ip-salt");

    byte[] jwtKey = DevSecrets.load(dataDir, "jwt-key").getBytes(StandardCharsets.UTF_8);
    MetadataApiService metadataApi =
        lifecycle.started(
            new MetadataApiService(
                MetadataApiSettings.of(
                        host,
                        metadataApiPort,
                        DatabaseUrl.parse(infra.databaseUrl()),
                        infra.kafkaBootstrapServers(),
                        jwtKey,
                        tokenKey)
                    .withCollectorPublicUrl(
                        "http://"
                            + (host.equals("0.0.0.0") ? "localhost" : host)
                            + ":"
                            + collectorPort)));
    metadataApi.start();
    TopologyService topology =
        lifecycle.started(
            new TopologyService(
                new TopologySettings(
                    "clickstream-topology",
                    infra.kafkaBootstrapServers(),
                    infra.redisUrl(),
                    dataDir.resolve("streams"),
                    host,
                    topologyPort,
                    1,
                    Duration.ofMillis(250),
                    false,
                    Map.of()),
                Lifecycle::exitWithFailure));
    topology.start();
    CollectorService collector =
        lifecycle.started(
            new CollectorService(
                new CollectorSettings(
                    host, collectorPort, infra.kafkaBootstrapServers(), tokenKey, ipSalt, Map.of()),
                Clock.systemUTC()));
    collector.start();
    QueryApiService queryApi =
        lifecycle.started(
            new QueryApiService(
                QueryApiSettings.of(
                        host,
                        queryApiPort,
                        infra.redisUrl(),
                        DatabaseUrl.parse(infra.databaseUrl()),
                        infra.kafkaBootstrapServers(),
                        jwtKey)
                    .withTopologyUrls(List.of(URI.create(topology.url()))),
                Clock.systemUTC()));
    queryApi.start();
    if (!topology.awaitRunning(Duration.ofMinutes(2))) {
      throw new IllegalStateException("The topology did not reach RUNNING within 2 minutes");
    }

    PrintStream out = System.out;
    out.println();
    out.println("Clickstream is running (data in " + dataDir.toAbsolutePath().normalize() + ")");
    out.println("  collector     " + collector.url());
    out.println("  query-api     " + queryApi.url());
    out.println("  metadata-api  " + metadataApi.url());
    out.println("  topology      " + topology.url());
    out.println("  kafka         " + infra.kafkaBootstrapServers());
    out.println("  postgresql    " + infra.databaseUrl());
    out.println("  redis         " + infra.redisUrl());
    if (demo) {
      DemoApp.Seeded seeded = DemoApp.seed(metadataApi.url(), collector.url());
      lifecycle.started(startDemoTraffic(collector.url(), seeded.token()));
      out.println("  demo app      " + seeded.appId() + " (synthetic traffic, 5 events/s)");
      out.println("  demo login    " + DemoApp.EMAIL + " / " + DemoApp.PASSWORD);
      out.println("  demo token    " + seeded.token());
      out.println("  demo API key  " + seeded.apiKey());
      out.println(
          "  try           curl -H 'Authorization: Bearer "
              + seeded.apiKey()
              + "' '"
              + queryApi.url()
              + "/v1/apps/"
              + seeded.appId()
              + "/pages'");
    }
    out.println("Press Ctrl-C to stop.");
    out.flush();
    lifecycle.awaitShutdown();
    return 0;
  }

  private static AutoCloseable startDemoTraffic(String collectorUrl, String token) {
    Simulator simulator =
        new Simulator(SimulatorSettings.demo(collectorUrl, token, System.nanoTime()));
    Thread thread = new Thread(simulator::run, "demo-traffic");
    thread.setDaemon(true);
    thread.start();
    return () -> {
      simulator.stop();
      thread.join(5_000);
    };
  }
}
