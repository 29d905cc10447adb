package io.clickstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Json;
import io.clickstream.platform.auth.AppTokens;
import java.nio.charset.StandardCharsets;
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

  private static InProcessPipeline pipeline;

  @BeforeAll
  static void start() throws Exception {
    pipeline = new InProcessPipeline(KEY, "skeleton");
  }

  @AfterAll
  static void stop() {
    pipeline.close();
  }

  @Test
  void pageviewsSentToTheCollectorAreCountedPerPathInTheQueryApi() throws Exception {
    MetadataUsers owner = MetadataUsers.ownerWithApp(pipeline.metadataApi.url());
    String appId = owner.appId();
    // The app reaches the collector through the metadata API's outbox and clickstream.config.apps.
    String token = new AppTokens(KEY).issue(appId, UUID.randomUUID().toString(), Instant.now());
    AppConfigs.awaitAccepted(pipeline.collector.url(), token);
    long now = System.currentTimeMillis();

    List<Map<String, Object>> first = new ArrayList<>();
    first.add(pageview("https://shop.example/home", now));
    first.add(pageview("https://shop.example/home?ref=mail", now));
    first.add(pageview("https://shop.example/pricing/", now));
    first.add(Map.of("type", "click", "target", "#buy", "ts", now));
    first.add(Map.of("type", "pageview", "ts", now)); // no url: rejected
    assertThat(
            HttpCalls.postEvents(
                    pipeline.collector.url(),
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
                    pipeline.collector.url(),
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
                    HttpCalls.get(
                        pipeline.queryApi.url() + "/v1/apps/" + appId + "/pages", owner.apiKey())),
            expected::equals);

    // v1's journey comes from the topology instance that owns v1, relayed by the query API.
    JsonNode journey =
        Json.readTree(
            HttpCalls.get(
                pipeline.queryApi.url() + "/v1/apps/" + appId + "/visitors/v1/journey",
                owner.apiKey()));
    assertThat(journey.path("visitor_id").asText()).isEqualTo("v1");
    assertThat(journey.path("sessions")).hasSize(1);
    List<String> types = new ArrayList<>();
    journey.path("sessions").get(0).path("events").forEach(e -> types.add(e.path("type").asText()));
    assertThat(types).containsExactlyInAnyOrder("pageview", "pageview", "pageview", "click");
  }

  private static Map<String, Object> pageview(String url, long ts) {
    return Map.of("id", UUID.randomUUID().toString(), "type", "pageview", "url", url, "ts", ts);
  }
}
