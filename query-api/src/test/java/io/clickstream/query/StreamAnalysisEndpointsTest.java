package io.clickstream.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.redis.RedisKeys.ProductFigure;
import io.clickstream.query.read.RangeReads;
import io.clickstream.query.support.Accounts;
import io.clickstream.query.support.Http;
import io.clickstream.query.support.Mirror;
import io.clickstream.query.support.QueryApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Funnels, journeys, products, retention and the activity feed, read from the Redis keys the
 * topology writes for them (CONTRACT: {@code RedisKeys}), written here directly; funnel definitions
 * come from the metadata API through {@code clickstream.config.funnels}.
 */
class StreamAnalysisEndpointsTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:30:00Z");
  private static final String SEP = RedisKeys.FIELD_SEPARATOR;
  private static final long DAY = 86_400_000L;
  private static final long NOV_22 = Instant.parse("2026-11-22T00:00:00Z").toEpochMilli();

  private static QueryApiService service;
  private static Mirror mirror;
  private static Accounts.User owner;
  private static String app;

  @BeforeAll
  static void start() {
    owner = Accounts.newUser("owner", Accounts.newDomain());
    app = Accounts.newApp(owner, false);
    service = QueryApi.start(NOW);
    mirror = new Mirror();
  }

  @AfterAll
  static void stop() {
    service.close();
    mirror.close();
  }

  @Test
  void aFunnelSumsTheDaysOfTheRangeWithConversionsAndMedianTimes() {
    String funnel =
        Accounts.require(
                Accounts.call(
                    "POST",
                    "/v1/apps/" + app + "/funnels",
                    owner,
                    Map.of(
                        "name",
                        "Signup",
                        "window_ms",
                        3_600_000,
                        "steps",
                        List.of(
                            Map.of("type", "pageview", "match", Map.of("path", "/")),
                            Map.of(
                                "type",
                                "pageview",
                                "match",
                                Map.of("path", "/pricing"),
                                "label",
                                "Pricing"),
                            Map.of("type", "custom", "match", Map.of("name", "signup"))))),
                201)
            .text("id");
    counts(funnel, NOV_22 - DAY, Map.of("1", "10", "2", "6", "3", "2"));
    counts(funnel, NOV_22, Map.of("1", "10", "2", "4", "3", "3"));
    counts(funnel, NOV_22 - 12 * DAY, Map.of("1", "100")); // outside the last 7 days
    times(funnel, NOV_22 - DAY, "2", 1000, 2000, 3000);
    times(funnel, NOV_22, "2", 4000, 5000);
    times(funnel, NOV_22, "3", 10_000, 20_000, 30_000);
    String path = "/v1/apps/" + app + "/funnels/" + funnel;
    // The definition arrives through the metadata API's outbox and the config topic.
    await().atMost(Duration.ofSeconds(30)).until(() -> call(path).status() == 200);
    assertThat(get(path))
        .isEqualTo(
            "{\"funnel_id\":\""
                + funnel
                + "\",\"name\":\"Signup\",\"steps\":["
                + "{\"index\":1,\"label\":\"pageview /\",\"count\":20,\"conversion_rate\":1.0,"
                + "\"step_conversion_rate\":1.0,\"drop_off\":0,\"median_time_to_convert_ms\":null},"
                + "{\"index\":2,\"label\":\"Pricing\",\"count\":10,\"conversion_rate\":0.5,"
                + "\"step_conversion_rate\":0.5,\"drop_off\":10,\"median_time_to_convert_ms\":3000},"
                + "{\"index\":3,\"label\":\"custom signup\",\"count\":5,\"conversion_rate\":0.25,"
                + "\"step_conversion_rate\":0.5,\"drop_off\":5,\"median_time_to_convert_ms\":20000}]}");
    assertThat(get(path + "?from=2026-11-22")).contains("\"count\":10,").contains("\"count\":3,");
    assertThat(call("/v1/apps/" + app + "/funnels/no-such-funnel").status()).isEqualTo(404);
  }

  @Test
  void journeysHaveTransitionsAndTopPaths() {
    String at = "2026-11-22T10:00:00Z";
    mirror
        .count(app, at, RedisKeys::journeyTransitions, "(entry)" + SEP + "/", 2)
        .count(app, at, RedisKeys::journeyTransitions, "/" + SEP + "/pricing", 1)
        .count(app, at, RedisKeys::journeyTransitions, "/pricing" + SEP + "(exit)", 1)
        .count(app, at, RedisKeys::journeyTransitions, "/" + SEP + "(exit)", 1)
        .count(app, at, RedisKeys::journeyTopPaths, "/" + SEP + "/pricing", 1)
        .count(app, at, RedisKeys::journeyTopPaths, "/", 1)
        // A session that grew past its first page retracted these: they net to zero.
        .count(app, at, RedisKeys::journeyTransitions, "/pricing" + SEP + "/", 0)
        .count(app, at, RedisKeys::journeyTopPaths, "/pricing", 0);
    assertThat(get("/v1/apps/" + app + "/journeys"))
        .isEqualTo(
            "{\"transitions\":["
                + "{\"from\":\"(entry)\",\"to\":\"/\",\"count\":2},"
                + "{\"from\":\"/\",\"to\":\"(exit)\",\"count\":1},"
                + "{\"from\":\"/\",\"to\":\"/pricing\",\"count\":1},"
                + "{\"from\":\"/pricing\",\"to\":\"(exit)\",\"count\":1}],"
                + "\"top_paths\":[{\"pages\":[\"/\"],\"sessions\":1},"
                + "{\"pages\":[\"/\",\"/pricing\"],\"sessions\":1}]}");
    assertThat(get("/v1/apps/" + app + "/journeys?limit=1&from=2026-11-22T11:00:00Z"))
        .isEqualTo("{\"transitions\":[],\"top_paths\":[]}");
  }

  @Test
  void topProductsByEachFigureWithCatalogueNames() {
    String at = "2026-11-21T09:00:00Z";
    mirror
        .count(app, at, products(ProductFigure.VIEWS), "sku-1", 5)
        .count(app, at, products(ProductFigure.VIEWS), "sku-2", 3)
        .count(app, at, products(ProductFigure.ADD_TO_CART), "sku-1", 2)
        .count(app, at, products(ProductFigure.PURCHASES), "sku-2", 2)
        .count(app, at, products(ProductFigure.REVENUE_MICROS), "sku-2", 39_980_000);
    mirror
        .redis()
        .hset(RedisKeys.productInfo(app), "sku-2", "{\"name\":\"Lamp\",\"category\":\"Home\"}");
    assertThat(get("/v1/apps/" + app + "/products/top"))
        .isEqualTo(
            "{\"items\":["
                + "{\"product_id\":\"sku-1\",\"name\":null,\"views\":5,\"add_to_cart\":2,\"purchases\":0,\"revenue\":0},"
                + "{\"product_id\":\"sku-2\",\"name\":\"Lamp\",\"views\":3,\"add_to_cart\":0,\"purchases\":2,\"revenue\":39.98}]}");
    assertThat(get("/v1/apps/" + app + "/products/top?by=revenue&limit=1"))
        .isEqualTo(
            "{\"items\":[{\"product_id\":\"sku-2\",\"name\":\"Lamp\",\"views\":3,\"add_to_cart\":0,"
                + "\"purchases\":2,\"revenue\":39.98}]}");
    assertThat(call("/v1/apps/" + app + "/products/top?by=price").status()).isEqualTo(400);
  }

  @Test
  void retentionHasWeeklyCohortsUpToTheCurrentWeek() {
    mirror
        .redis()
        .hset(
            RedisKeys.retention(app),
            Map.of(
                "2026-W46" + SEP + "0", "10",
                "2026-W46" + SEP + "1", "4",
                "2026-W47" + SEP + "0", "5"));
    assertThat(get("/v1/apps/" + app + "/retention?periods=3"))
        .isEqualTo(
            "{\"cohorts\":["
                + "{\"week\":\"2026-W45\",\"visitors\":0,\"retained\":[0,0,0]},"
                + "{\"week\":\"2026-W46\",\"visitors\":10,\"retained\":[10,4]},"
                + "{\"week\":\"2026-W47\",\"visitors\":5,\"retained\":[5]}]}");
    assertThat(get("/v1/apps/" + app + "/retention?from=2026-11-16"))
        .isEqualTo("{\"cohorts\":[{\"week\":\"2026-W47\",\"visitors\":5,\"retained\":[5]}]}");
    assertThat(call("/v1/apps/" + app + "/retention?periods=0").status()).isEqualTo(400);
  }

  @Test
  void theActivityFeedPagesNewestFirstAndFilters() {
    String feed = RedisKeys.activity(app);
    mirror.redis().zadd(feed, 1_000_001, "{\"type\":\"pageview\",\"url\":\"/a\"}");
    mirror.redis().zadd(feed, 2_000_002, "{\"type\":\"custom\",\"name\":\"signup\"}");
    mirror.redis().zadd(feed, 3_000_003, "{\"type\":\"pageview\",\"url\":\"/b\"}");
    mirror.redis().zadd(feed, 4_000_004, "{\"type\":\"click\",\"target\":\"#buy\"}");
    String base = "/v1/apps/" + app + "/activity";
    assertThat(get(base + "?limit=2"))
        .isEqualTo(
            "{\"items\":[{\"type\":\"click\",\"target\":\"#buy\"},"
                + "{\"type\":\"pageview\",\"url\":\"/b\"}],\"next_before\":3000003}");
    assertThat(get(base + "?limit=2&before=3000003"))
        .isEqualTo(
            "{\"items\":[{\"type\":\"custom\",\"name\":\"signup\"},"
                + "{\"type\":\"pageview\",\"url\":\"/a\"}],\"next_before\":null}");
    assertThat(get(base + "?type=pageview"))
        .isEqualTo(
            "{\"items\":[{\"type\":\"pageview\",\"url\":\"/b\"},"
                + "{\"type\":\"pageview\",\"url\":\"/a\"}],\"next_before\":null}");
    assertThat(get(base + "?type=custom&name=signup&limit=1"))
        .isEqualTo("{\"items\":[{\"type\":\"custom\",\"name\":\"signup\"}],\"next_before\":null}");
    assertThat(call(base + "?before=yesterday").status()).isEqualTo(400);
  }

  private static RangeReads.BucketKey products(ProductFigure figure) {
    return (a, interval, bucket) -> RedisKeys.products(a, interval, bucket, figure);
  }

  private static void counts(String funnel, long day, Map<String, String> steps) {
    mirror.redis().hset(RedisKeys.funnelCounts(app, funnel, day), steps);
  }

  private static void times(String funnel, long day, String step, double... millis) {
    KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance();
    for (double value : millis) {
      sketch.update(value);
    }
    mirror
        .redis()
        .hset(
            RedisKeys.funnelTimes(app, funnel, day).getBytes(StandardCharsets.UTF_8),
            step.getBytes(StandardCharsets.UTF_8),
            sketch.toByteArray());
  }

  private static Http.Reply call(String path) {
    return Http.get(service.url() + path, owner.token());
  }

  private static String get(String path) {
    Http.Reply reply = call(path);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.body();
  }
}
