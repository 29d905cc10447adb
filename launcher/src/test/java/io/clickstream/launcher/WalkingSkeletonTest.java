package io.clickstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clickstream.collector.CollectorService;
import io.clickstream.embedded.TestServices;
import io.clickstream.platform.auth.AppTokens;
import io.clickstream.query.QueryApiService;
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
 * The first end-to-end path through real components: HTTP into the collector, Kafka, the topology
 * counting pageviews per path, Redis, and HTTP out of the query API.
 */
class WalkingSkeletonTest {
  private static final byte[] KEY =
      "walking-skeleton-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  private static InProcessPipeline pipeline;
  private static CollectorService collector;
  private static QueryApiService queryApi;

  @BeforeAll
  static void start() throws Exception {
    pipeline = new InProcessPipeline(KEY, "skeleton");
    collector = pipeline.collector;
    queryApi = pipeline.queryApi;
  }

  @AfterAll
  static void stop() {
    pipeline.close();
  }

  @Test
  void pageviewsSentToTheCollectorAreCountedPerPathInTheQueryApi() throws Exception {
    String appId = "skeleton-" + UUID.randomUUID().toString().substring(0, 8);
    String token = new AppTokens(KEY).issue(appId, "t1", Instant.now());
    AppConfigs.publish(TestServices.get().kafkaBootstrapServers(), appId);
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

    String expected =
        "{\"items\":["
            + "{\"path\":\"/home\",\"pageviews\":3},"
            + "{\"path\":\"/\",\"pageviews\":1},"
            + "{\"path\":\"/pricing\",\"pageviews\":1}]}";
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> HttpCalls.get(queryApi.url() + "/v1/apps/" + appId + "/pages"), expected::equals);
  }

  private static Map<String, Object> pageview(String url, long ts) {
    return Map.of("id", UUID.randomUUID().toString(), "type", "pageview", "url", url, "ts", ts);
  }
}
