package io.clickstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.collector.CollectorService;
import io.clickstream.embedded.TestServices;
import io.clickstream.metadata.MetadataApiService;
import io.clickstream.model.Json;
import io.clickstream.model.config.FunnelDefinition.FunnelStep;
import io.clickstream.platform.auth.AppTokens;
import io.clickstream.query.QueryApiService;
import io.clickstream.simulator.Simulator;
import io.clickstream.simulator.SimulatorSettings;
import io.clickstream.simulator.SimulatorSettings.TransportKind;
import io.clickstream.simulator.behaviour.TrafficModel.Mix;
import io.clickstream.simulator.truth.AppTruth;
import io.clickstream.simulator.truth.AppTruth.Overview;
import io.clickstream.simulator.truth.FunnelSpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The simulator's ground truth against the whole pipeline: an app and a funnel made in the metadata
 * API, simulated traffic over each transport → collector (or Kafka directly) → topology → Redis →
 * query API, read with the app's API key. Every figure the truth names must come out exactly:
 * overview, pages, events, the five breakdowns, clicks and hovers, journeys, the funnel and the
 * products. The traffic is small but has everything: returning visitors with sessions more than 30
 * minutes apart, bounces, bots, duplicate deliveries, malformed events, products and purchases.
 */
class SimulatedTrafficTest {
  private static final byte[] KEY =
      "simulated-traffic-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  /** More of the unusual than the default mix, so that a few hundred events hold every kind. */
  private static final Mix MIX = new Mix(0.08, 0.35, 0.05, 0.06);

  private static final FunnelSpec CHECKOUT =
      new FunnelSpec(
          List.of(
              new FunnelStep("product_view", null, "Viewed a product"),
              new FunnelStep("add_to_cart", null, "Added to cart"),
              new FunnelStep("purchase", null, "Bought")),
          Duration.ofMinutes(30).toMillis());

  private static InProcessPipeline pipeline;
  private static CollectorService collector;
  private static MetadataApiService metadataApi;
  private static QueryApiService queryApi;

  @BeforeAll
  static void start() throws Exception {
    pipeline = new InProcessPipeline(KEY, "simulated");
    collector = pipeline.collector;
    metadataApi = pipeline.metadataApi;
    queryApi = pipeline.queryApi;
  }

  @AfterAll
  static void stop() {
    pipeline.close();
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void theQueryApiReportsExactlyTheSimulatorsTruth(TransportKind transport) throws Exception {
    MetadataUsers owner = MetadataUsers.ownerWithApp(metadataApi.url());
    String appId = owner.appId();
    String funnelId = createFunnel(owner);
    String token = new AppTokens(KEY).issue(appId, UUID.randomUUID().toString(), Instant.now());
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
                    CHECKOUT))
            .run();

    assertThat(result.exitCode()).isZero();
    assertThat(result.complete()).isTrue();
    assertThat(result.stats().sent()).isEqualTo(400);
    assertThat(result.stats().rejected()).isPositive(); // the malformed ones, and only those
    AppTruth truth = result.truth().get(appId);
    assertThat(truth.bots().events()).isPositive();
    assertThat(truth.overview().sessions()).isGreaterThan(truth.overview().visitors());
    assertThat(truth.overview().bounces()).isPositive();
    assertThat(truth.funnel().counts().get(0)).isPositive();
    assertThat(truth.products()).isNotEmpty();
    JsonNode written = Json.readTree(Files.readString(truthFile));
    assertThat(written.path("complete").asBoolean()).isTrue();
    assertThat(written.path("overview").path("sessions").asLong())
        .isEqualTo(truth.overview().sessions());

    Map<String, Object> expected = expectedAnswers(truth);
    String range =
        "?from="
            + LocalDate.now(ZoneOffset.UTC).minusDays(1)
            + "&to="
            + LocalDate.now(ZoneOffset.UTC).plusDays(2)
            + "&limit=1000";
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> assertThat(answers(appId, funnelId, range, owner.apiKey())).isEqualTo(expected));
  }

  /** The checkout funnel, made the way a product team makes it; in force once readable. */
  private static String createFunnel(MetadataUsers owner) throws Exception {
    List<Map<String, Object>> steps = new ArrayList<>();
    for (FunnelStep step : CHECKOUT.steps()) {
      steps.add(Map.of("type", step.type(), "label", step.label()));
    }
    String funnelId =
        HttpCalls.call(
                "POST",
                metadataApi.url() + "/v1/apps/" + owner.appId() + "/funnels",
                owner.accessToken(),
                Map.of("name", "Checkout", "steps", steps, "window_ms", CHECKOUT.windowMs()),
                201)
            .path("id")
            .asText();
    // The query API and the topology read clickstream.config.funnels from the same broker.
    String url = queryApi.url() + "/v1/apps/" + owner.appId() + "/funnels/" + funnelId;
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> HttpCalls.status(url, owner.apiKey()), status -> status == 200);
    return funnelId;
  }

  /** What the query API must answer, derived from the truth with the API's rounding. */
  private static Map<String, Object> expectedAnswers(AppTruth truth) {
    Overview overview = truth.overview();
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put(
        "overview",
        List.of(
            overview.visitors(),
            overview.sessions(),
            overview.pageviews(),
            overview.events(),
            round(overview.bounces(), overview.sessions(), 4),
            round(overview.durationMs(), overview.sessions(), 0),
            round(overview.pageviews(), overview.sessions(), 2)));
    Map<String, List<Object>> pages = new TreeMap<>();
    truth
        .pages()
        .forEach(
            page ->
                pages.put(
                    page.path(),
                    List.of(
                        page.pageviews(),
                        page.visitors(),
                        round(page.timeOnPageMs(), page.timeOnPageCount(), 0))));
    answers.put("pages", pages);
    Map<String, Long> events = new TreeMap<>();
    truth.events().forEach(e -> events.put(e.type() + "/" + e.name(), e.count()));
    answers.put("events", events);
    Map<String, Map<String, List<Long>>> breakdowns = new TreeMap<>();
    truth
        .breakdowns()
        .forEach(
            (endpoint, keys) -> {
              Map<String, List<Long>> rows = new TreeMap<>();
              keys.forEach(k -> rows.put(k.key(), List.of(k.sessions(), k.visitors())));
              breakdowns.put(endpoint, rows);
            });
    answers.put("breakdowns", breakdowns);
    Map<String, List<Object>> targets = new TreeMap<>();
    truth
        .clicks()
        .forEach(
            t ->
                targets.put(
                    t.path() + " " + t.target(),
                    Arrays.asList(
                        t.clicks(), t.hovers() == 0 ? null : round(t.hoverMs(), t.hovers(), 0))));
    answers.put("clicks", targets);
    Map<String, Long> transitions = new TreeMap<>();
    truth
        .journeys()
        .transitions()
        .forEach(t -> transitions.put(t.from() + " > " + t.to(), t.count()));
    answers.put("transitions", transitions);
    Map<String, Long> topPaths = new TreeMap<>();
    truth
        .journeys()
        .topPaths()
        .forEach(p -> topPaths.put(String.join(" > ", p.pages()), p.sessions()));
    answers.put("top_paths", topPaths);
    answers.put("funnel", truth.funnel().counts());
    Map<String, List<Object>> products = new TreeMap<>();
    truth
        .products()
        .forEach(
            p ->
                products.put(
                    p.productId(),
                    List.of(
                        p.views(),
                        p.addToCart(),
                        p.purchases(),
                        BigDecimal.valueOf(p.revenueMicros(), 6).stripTrailingZeros())));
    answers.put("products", products);
    return answers;
  }

  /** The same figures as the query API answers them. */
  private static Map<String, Object> answers(
      String appId, String funnelId, String range, String apiKey) throws Exception {
    String base = queryApi.url() + "/v1/apps/" + appId;
    Map<String, Object> answers = new LinkedHashMap<>();
    JsonNode overview = Json.readTree(HttpCalls.get(base + "/overview" + range, apiKey));
    answers.put(
        "overview",
        List.of(
            overview.path("visitors").asLong(),
            overview.path("sessions").asLong(),
            overview.path("pageviews").asLong(),
            overview.path("events").asLong(),
            overview.path("bounce_rate").decimalValue().stripTrailingZeros(),
            overview.path("avg_session_duration_ms").decimalValue().stripTrailingZeros(),
            overview.path("pages_per_session").decimalValue().stripTrailingZeros()));
    Map<String, List<Object>> pages = new TreeMap<>();
    for (JsonNode page :
        Json.readTree(HttpCalls.get(base + "/pages" + range, apiKey)).path("items")) {
      pages.put(
          page.path("path").asText(),
          List.of(
              page.path("pageviews").asLong(),
              page.path("visitors").asLong(),
              page.path("avg_time_on_page_ms").decimalValue().stripTrailingZeros()));
    }
    answers.put("pages", pages);
    Map<String, Long> events = new TreeMap<>();
    for (JsonNode event :
        Json.readTree(HttpCalls.get(base + "/events" + range, apiKey)).path("items")) {
      String name = event.path("name").isNull() ? null : event.path("name").asText(null);
      events.put(event.path("type").asText() + "/" + name, event.path("count").asLong());
    }
    answers.put("events", events);
    Map<String, Map<String, List<Long>>> breakdowns = new TreeMap<>();
    for (String endpoint : List.of("referrers", "campaigns", "browsers", "os", "devices")) {
      Map<String, List<Long>> rows = new TreeMap<>();
      for (JsonNode row :
          Json.readTree(HttpCalls.get(base + "/" + endpoint + range, apiKey)).path("items")) {
        rows.put(
            row.path("key").asText(),
            List.of(row.path("sessions").asLong(), row.path("visitors").asLong()));
      }
      if (!rows.isEmpty()) {
        breakdowns.put(endpoint, rows);
      }
    }
    answers.put("breakdowns", breakdowns);
    Map<String, List<Object>> targets = new TreeMap<>();
    for (JsonNode target :
        Json.readTree(HttpCalls.get(base + "/engagement" + range, apiKey)).path("clicks")) {
      JsonNode hover = target.path("avg_hover_ms");
      targets.put(
          target.path("path").asText() + " " + target.path("target").asText(),
          Arrays.asList(
              target.path("clicks").asLong(),
              hover.isNull() ? null : hover.decimalValue().stripTrailingZeros()));
    }
    answers.put("clicks", targets);
    JsonNode journeys = Json.readTree(HttpCalls.get(base + "/journeys" + range, apiKey));
    Map<String, Long> transitions = new TreeMap<>();
    for (JsonNode t : journeys.path("transitions")) {
      transitions.put(
          t.path("from").asText() + " > " + t.path("to").asText(), t.path("count").asLong());
    }
    answers.put("transitions", transitions);
    Map<String, Long> topPaths = new TreeMap<>();
    for (JsonNode p : journeys.path("top_paths")) {
      List<String> sequence = new ArrayList<>();
      p.path("pages").forEach(page -> sequence.add(page.asText()));
      topPaths.put(String.join(" > ", sequence), p.path("sessions").asLong());
    }
    answers.put("top_paths", topPaths);
    List<Long> funnel = new ArrayList<>();
    for (JsonNode step :
        Json.readTree(HttpCalls.get(base + "/funnels/" + funnelId + range, apiKey)).path("steps")) {
      funnel.add(step.path("count").asLong());
    }
    answers.put("funnel", funnel);
    Map<String, List<Object>> products = new TreeMap<>();
    for (JsonNode product :
        Json.readTree(HttpCalls.get(base + "/products/top" + range + "&by=views", apiKey))
            .path("items")) {
      products.put(
          product.path("product_id").asText(),
          List.of(
              product.path("views").asLong(),
              product.path("add_to_cart").asLong(),
              product.path("purchases").asLong(),
              product.path("revenue").decimalValue().stripTrailingZeros()));
    }
    answers.put("products", products);
    return answers;
  }

  /** {@code part / whole} rounded half-up to {@code places} decimals; 0 without a whole. */
  private static BigDecimal round(long part, long whole, int places) {
    if (whole == 0) {
      return BigDecimal.ZERO;
    }
    return BigDecimal.valueOf(part)
        .divide(BigDecimal.valueOf(whole), places, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros();
  }
}
