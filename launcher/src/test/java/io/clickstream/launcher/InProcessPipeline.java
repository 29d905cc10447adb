package io.clickstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.collector.CollectorService;
import io.clickstream.collector.CollectorSettings;
import io.clickstream.embedded.Infrastructure;
import io.clickstream.embedded.TestServices;
import io.clickstream.metadata.MetadataApiService;
import io.clickstream.metadata.MetadataApiSettings;
import io.clickstream.platform.config.DatabaseUrl;
import io.clickstream.query.QueryApiService;
import io.clickstream.query.QueryApiSettings;
import io.clickstream.topology.TopologyService;
import io.clickstream.topology.TopologySettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The collector, the topology, the metadata API and the query API in this JVM, on the shared test
 * services: the whole path of an event for end-to-end tests. The topology has a fresh application
 * id and state, so it starts from the beginning of {@code clickstream.events}.
 */
final class InProcessPipeline implements AutoCloseable {
  final CollectorService collector;
  final TopologyService topology;
  final MetadataApiService metadataApi;
  final QueryApiService queryApi;

  /**
   * @param tokenKey the key app tokens are signed with (the collector checks them, the metadata API
   *     issues them)
   * @param name names the topology's application id
   */
  InProcessPipeline(byte[] tokenKey, String name) throws InterruptedException {
    Infrastructure services = TestServices.get();
    byte[] jwtKey = (name + "-jwt-key-0123456789abcdef0123456789").getBytes(StandardCharsets.UTF_8);
    collector =
        new CollectorService(
                new CollectorSettings(
                    "127.0.0.1", 0, services.kafkaBootstrapServers(), tokenKey, "salt", Map.of()),
                Clock.systemUTC())
            .start();
    topology =
        new TopologyService(
                new TopologySettings(
                    name + "-" + UUID.randomUUID(),
                    services.kafkaBootstrapServers(),
                    services.redisUrl(),
                    Path.of("target", "streams-state", UUID.randomUUID().toString()),
                    "127.0.0.1",
                    0,
                    1,
                    Duration.ofMillis(100),
                    false,
                    Map.of()),
                () -> {})
            .start();
    assertThat(topology.awaitRunning(Duration.ofSeconds(60))).isTrue();
    DatabaseUrl database = DatabaseUrl.parse(services.databaseUrl());
    metadataApi =
        new MetadataApiService(
                MetadataApiSettings.of(
                    "127.0.0.1", 0, database, services.kafkaBootstrapServers(), jwtKey, tokenKey))
            .start();
    queryApi =
        new QueryApiService(
                QueryApiSettings.of(
                        "127.0.0.1",
                        0,
                        services.redisUrl(),
                        database,
                        services.kafkaBootstrapServers(),
                        jwtKey)
                    .withTopologyUrls(List.of(URI.create(topology.url()))),
                Clock.systemUTC())
            .start();
  }

  @Override
  public void close() {
    queryApi.close();
    metadataApi.close();
    collector.close();
    topology.close();
  }
}
