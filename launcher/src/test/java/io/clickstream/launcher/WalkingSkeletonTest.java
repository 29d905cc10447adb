package io.clickstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clickstream.collector.CollectorService;
import io.clickstream.collector.CollectorSettings;
import io.clickstream.embedded.Infrastructure;
import io.clickstream.embedded.TestServices;
import io.clickstream.metadata.MetadataApiService;
import io.clickstream.metadata.MetadataApiSettings;
import io.clickstream.platform.auth.AppTokens;
import io.clickstream.platform.config.DatabaseUrl;
import io.clickstream.query.QueryApiService;
import io.clickstream.query.QueryApiSettings;
import io.clickstream.topology.TopologyService;
import io.clickstream.topology.TopologySettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first end-to-end path through real components: an app made in the metadata API, HTTP into the
 * collector, Kafka, the topology counting pageviews per path, Redis, and HTTP out of the query API
 * with the app's read API key.
 */
class WalkingSkeletonTest {
  private static final byte[] KEY =
      "walking-skeleton-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final byte[] JWT_KEY =
      "walking-skeleton-jwt-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  private static CollectorService collector;
  private static TopologyService topology;
  private static QueryApiService queryApi;
  private static MetadataApiService metadataApi;

  @BeforeAll
  static void start() throws Exception {
    Infrastructure services = TestServices.get();
    collector =
        new CollectorService(
                new CollectorSettings(
                    "127.0.0.1", 0, services.kafkaBootstrapServers(), KEY, "salt", Map.of()),
                Clock.systemUTC())
            .start();
    topology =
        new TopologyService(
                new TopologySettings(
                    "skeleton-" + UUID.randomUUID(),
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
                    "127.0.0.1", 0, database, services.kafkaBootstrapServers(), JWT_KEY, KEY))
            .start();
    queryApi =
        new QueryApiService(
                QueryApiSettings.of(
                    "127.0.0.1",
                    0,
                    services.redisUrl(),
                    database,
                    services.kafkaBootstrapServers(),
                    JWT_KEY),
                Clock.systemUTC())
            .start();
  }

  @AfterAll
  static void stop() {
    queryApi.close();
    metadataApi.close();
    collector.close();
    topology.close();
  }

  @Test
  void pageviewsSentToTheCollectorAreCountedPerPathInTheQueryApi() throws Exception {
    MetadataUsers owner = MetadataUsers.ownerWithApp(metadataApi.url());
    String appId = owner.appId();
    // The app reaches the collector through the metadata API's outbox and clickstream.config.apps.
    String token = new AppTokens(KEY).issue(appId, UUID.randomUUID().toString(), Instant.now());
    AppConfigs.awaitAccepted(collector.url(), token);
    long now = System.currentTimeMillis();

    List<Map<String, Object>> first = new ArrayList<>();
    first.add(pageview("https://shop.example/home", now));
    first.add(pageview("https://shop.example/home?ref=mail", now));
    first.add(pageview("https://shop.example/pricing/", now));
    first.add(Map.of("type", "click", "target", "#buy", "ts", now));
    first.add(Map.of("type", "pageview", "ts", now)); // no url: rejected
    assertThat(
            HttpCalls.postEvents(
                    collector.url(),
                    "application/json",
                    Map.of("token", token, "visitor_id", "v1", "events", first))
                .toString())
        .isEqualTo(
            "{\"accepted\":4,\"rejected\":[{\"index\":4,\"reason\":\"url is required for pageview\"}]}");

    // navigator.sendBeacon sends text/plain.
    List<Map<String, Object>> second =
        List.of(pageview("https://shop.example/home", now), pageview("https://shop.example/", now));
    assertThat(
            HttpCalls.postEvents(
                    collector.url(),
                    "text/plain;charset=UTF-8",
                    Map.of("token", token, "visitor_id", "v2", "events", second))
                .path("accepted")
                .asInt())
        .isEqualTo(2);

    String expected = "/home=3,/=1,/pricing=1";
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                HttpCalls.pageviewsPerPath(
                    HttpCalls.get(queryApi.url() + "/v1/apps/" + appId + "/pages", owner.apiKey())),
            expected::equals);
  }

  private static Map<String, Object> pageview(String url, long ts) {
    return Map.of("id", UUID.randomUUID().toString(), "type", "pageview", "url", url, "ts", ts);
  }
}
