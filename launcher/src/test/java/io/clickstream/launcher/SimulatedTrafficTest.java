package io.clickstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.collector.CollectorService;
import io.clickstream.embedded.TestServices;
import io.clickstream.model.Json;
import io.clickstream.model.config.FunnelDefinition.FunnelStep;
import io.clickstream.platform.auth.AppTokens;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.query.QueryApiService;
import io.clickstream.simulator.Simulator;
import io.clickstream.simulator.SimulatorSettings;
import io.clickstream.simulator.SimulatorSettings.TransportKind;
import io.clickstream.simulator.behaviour.TrafficModel.Mix;
import io.clickstream.simulator.truth.AppTruth;
import io.clickstream.simulator.truth.AppTruth.PageFigures;
import io.clickstream.simulator.truth.FunnelSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import redis.clients.jedis.JedisPooled;

/**
 * The simulator's ground truth against the whole pipeline: simulated traffic over each transport →
 * collector (or Kafka directly) → topology → Redis → query API, and every figure the truth names
 * must come out exactly. The traffic is small but has everything: returning visitors with sessions
 * more than 30 minutes apart, bounces, bots, duplicate deliveries and malformed events.
 *
 * <p>Pageviews per path come through the query API's {@code /pages}; the overview, time on page,
 * visitors per page, events per type, the referrer, campaign, browser, OS and device breakdowns,
 * clicks and hovers per page element and the bot figures are read from Redis in RedisKeys' layout
 * until the query API serves them (the lead switches these reads to {@code /overview}, {@code
 * /pages} with visitors and time on page, {@code /events}, {@code /referrers}, {@code /campaigns},
 * {@code /browsers}, {@code /os}, {@code /devices} and {@code /engagement} when they land). Funnel,
 * product and journey truth are compared end to end once issue 6 lands; TruthCalculatorTest covers
 * them meanwhile.
 */
class SimulatedTrafficTest {
  private static final byte[] KEY =
      "simulated-traffic-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  /** The truth's breakdowns by the topology's dimension names. */
  private static final Map<String, String> DIMENSIONS =
      Map.of(
          "referrers", "referrer",
          "campaigns", "campaign",
          "browsers", "browser",
          "os", "os",
          "devices", "device");

  /** More of the unusual than the default mix, so that a few hundred events hold every kind. */
  private static final Mix MIX = new Mix(0.08, 0.35, 0.05, 0.06);

  private static InProcessPipeline pipeline;
  private static CollectorService collector;
  private static QueryApiService queryApi;
  private static JedisPooled redis;

  @BeforeAll
  static void start() throws Exception {
    pipeline = new InProcessPipeline(KEY, "simulated");
    collector = pipeline.collector;
    queryApi = pipeline.queryApi;
    redis = new JedisPooled(URI.create(TestServices.get().redisUrl()));
  }

  @AfterAll
  static void stop() {
    redis.close();
    pipeline.close();
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void thePipelineReportsExactlyTheSimulatorsTruth(TransportKind transport) throws Exception {
    String appId =
        "sim-"
            + transport.name().toLowerCase()
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    String token = new AppTokens(KEY).issue(appId, "t1", Instant.now());
    AppConfigs.publish(TestServices.get().kafkaBootstrapServers(), appId);
    AppConfigs.awaitAccepted(collector.url(), token);
    Path truthFile = Path.of("target", "simulated-traffic", appId + ".json");

    Simulator.Result result =
        new Simulator(
                new SimulatorSettings(
                    transport,
                    collector.url(),
                    TestServices.get().kafkaBootstrapServers(),
                    List.of(token),
                    40,
                    400,
                    null,
                    2_000,
                    Duration.ZERO,
                    transport.ordinal() + 17,
                    4,
                    MIX,
                    truthFile,
                    checkoutFunnel()))
            .run();

    assertThat(result.exitCode()).isZero();
    assertThat(result.complete()).isTrue();
    assertThat(result.stats().sent()).isEqualTo(400);
    assertThat(result.stats().rejected()).isPositive(); // the malformed ones, and only those
    AppTruth truth = result.truth().get(appId);
    assertThat(truth.bots().events()).isPositive();
    assertThat(truth.overview().sessions()).isGreaterThan(truth.overview().visitors());
    assertThat(truth.overview().bounces()).isPositive();
    JsonNode written = Json.readTree(Files.readString(truthFile));
    assertThat(written.path("complete").asBoolean()).isTrue();
    assertThat(written.path("overview").path("sessions").asLong())
        .isEqualTo(truth.overview().sessions());
    assertThat(written.path("funnel").path("counts")).hasSize(3);

    long now = System.currentTimeMillis();
    ServingCopy served =
        new ServingCopy(
            redis, appId, now - Duration.ofDays(1).toMillis(), now + Duration.ofDays(1).toMillis());
    Map<String, Object> expected = figures(truth);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(figures(served)).isEqualTo(expected));

    String to = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
    assertThat(
            Json.readTree(HttpCalls.get(queryApi.url() + "/v1/apps/" + appId + "/pages?to=" + to)))
        .isEqualTo(Json.readTree(Json.toJson(Map.of("items", pageviews(truth)))));
  }

  /** Add a product, go to the cart, buy: the demo's funnel. */
  private static FunnelSpec checkoutFunnel() {
    return new FunnelSpec(
        List.of(
            new FunnelStep("product_view", null, "Viewed a product"),
            new FunnelStep("add_to_cart", null, "Added to cart"),
            new FunnelStep("purchase", null, "Bought")),
        Duration.ofMinutes(30).toMillis());
  }

  /** The truth's figures in the shape they are compared in. */
  private static Map<String, Object> figures(AppTruth truth) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("visitors", truth.overview().visitors());
    figures.put("sessions", truth.overview().sessions());
    figures.put("pageviews", truth.overview().pageviews());
    figures.put("events", truth.overview().events());
    figures.put("bounces", truth.overview().bounces());
    figures.put("duration_ms", truth.overview().durationMs());
    figures.put("bot_events", truth.bots().events());
    figures.put("bot_visitors", truth.bots().visitors());
    Map<String, List<Long>> pages = new TreeMap<>();
    for (PageFigures page : truth.pages()) {
      pages.put(
          page.path(),
          List.of(page.pageviews(), page.visitors(), page.timeOnPageMs(), page.timeOnPageCount()));
    }
    figures.put("pages", pages);
    Map<String, Long> events = new TreeMap<>();
    truth
        .events()
        .forEach(
            e ->
                events.put(
                    e.name() == null ? e.type() : RedisKeys.field(e.type(), e.name()), e.count()));
    figures.put("events_by_type", events);
    Map<String, Map<String, List<Long>>> breakdowns = new TreeMap<>();
    truth
        .breakdowns()
        .forEach(
            (name, keys) -> {
              Map<String, List<Long>> cells = new TreeMap<>();
              keys.forEach(k -> cells.put(k.key(), List.of(k.sessions(), k.visitors())));
              breakdowns.put(DIMENSIONS.get(name), cells);
            });
    figures.put("breakdowns", breakdowns);
    Map<String, List<Long>> targets = new TreeMap<>();
    truth
        .clicks()
        .forEach(
            t ->
                targets.put(
                    RedisKeys.field(t.path(), t.target()),
                    List.of(t.clicks(), t.hovers(), t.hoverMs())));
    figures.put("clicks", targets);
    return figures;
  }

  /** The same figures as the serving copy has them. */
  private static Map<String, Object> figures(ServingCopy served) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("visitors", served.distinct(RedisKeys::sketches, RedisKeys.VISITORS));
    figures.put("sessions", served.total(RedisKeys.SESSIONS));
    figures.put("pageviews", served.total(RedisKeys.PAGEVIEWS));
    figures.put("events", served.total(RedisKeys.EVENTS));
    figures.put("bounces", served.total(RedisKeys.BOUNCES));
    figures.put("duration_ms", served.total(RedisKeys.DURATION_MS));
    figures.put("bot_events", served.total(RedisKeys.BOT_EVENTS));
    figures.put("bot_visitors", served.distinct(RedisKeys::sketches, RedisKeys.BOT_VISITORS));
    Map<String, Long> views = served.sums(RedisKeys::pagePageviews);
    Map<String, Long> timeMs = served.sums(RedisKeys::pageTimeMs);
    Map<String, Long> timeCount = served.sums(RedisKeys::pageTimeCount);
    Map<String, List<Long>> pages = new TreeMap<>();
    views.forEach(
        (path, count) ->
            pages.put(
                path,
                List.of(
                    count,
                    served.distinct(RedisKeys::pageSketches, path),
                    timeMs.getOrDefault(path, 0L),
                    timeCount.getOrDefault(path, 0L))));
    figures.put("pages", pages);
    figures.put("events_by_type", served.sums(RedisKeys::eventTypes));
    Map<String, Map<String, List<Long>>> breakdowns = new TreeMap<>();
    for (String dimension : DIMENSIONS.values()) {
      Map<String, List<Long>> cells = new TreeMap<>();
      served
          .sums((app, interval, day) -> RedisKeys.dimensionSessions(app, interval, day, dimension))
          .forEach(
              (key, sessions) ->
                  cells.put(
                      key,
                      List.of(
                          sessions,
                          served.distinct(
                              (app, interval, day) ->
                                  RedisKeys.dimensionSketches(app, interval, day, dimension),
                              key))));
      if (!cells.isEmpty()) {
        breakdowns.put(dimension, cells);
      }
    }
    figures.put("breakdowns", breakdowns);
    Map<String, Long> clicks = served.sums(RedisKeys::clicks);
    Map<String, Long> hovers = served.sums(RedisKeys::hoverCount);
    Map<String, Long> hoverMs = served.sums(RedisKeys::hoverMs);
    Map<String, List<Long>> targets = new TreeMap<>();
    for (String target : union(clicks.keySet(), hovers.keySet())) {
      targets.put(
          target,
          List.of(
              clicks.getOrDefault(target, 0L),
              hovers.getOrDefault(target, 0L),
              hoverMs.getOrDefault(target, 0L)));
    }
    figures.put("clicks", targets);
    return figures;
  }

  private static Set<String> union(Set<String> first, Set<String> second) {
    Set<String> union = new TreeSet<>(first);
    union.addAll(second);
    return union;
  }

  /** What the query API's /pages lists today: path and pageviews, most viewed first. */
  private static List<Map<String, Object>> pageviews(AppTruth truth) {
    return truth.pages().stream()
        .map(
            page -> {
              Map<String, Object> item = new LinkedHashMap<>();
              item.put("path", page.path());
              item.put("pageviews", page.pageviews());
              return item;
            })
        .toList();
  }
}
