package io.clickstream.collector;

import static io.clickstream.collector.CollectorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clickstream.embedded.TestServices;
import io.clickstream.model.Json;
import io.clickstream.platform.auth.AppTokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Liveness, readiness and the collector's metrics. */
class CollectorProbesTest {
  private static final byte[] KEY =
      "probes-test-key-of-32-bytes!!!!!".getBytes(StandardCharsets.UTF_8);

  private static CollectorService collector;
  private static CollectorClient client;

  @BeforeAll
  static void startCollector() {
    String bootstrapServers = TestServices.get().kafkaBootstrapServers();
    ConfigTopics.publishApps(bootstrapServers, "probes-metrics");
    collector =
        new CollectorService(
                new CollectorSettings("127.0.0.1", 0, bootstrapServers, KEY, "salt", Map.of()),
                Clock.systemUTC())
            .start();
    client = new CollectorClient(collector);
  }

  @AfterAll
  static void stopCollector() {
    if (collector != null) {
      collector.close();
    }
  }

  @Test
  void healthzIsOk() throws Exception {
    HttpResponse<String> response = client.get("/healthz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response)).isEqualTo(Json.readTree("{\"status\":\"ok\"}"));
  }

  @Test
  void readyzIsReadyWhileTheBrokerIsUpAndTheConfigTopicsAreRead() throws Exception {
    HttpResponse<String> response = client.get("/readyz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response))
        .isEqualTo(
            Json.readTree("{\"status\":\"ready\",\"checks\":{\"kafka\":true,\"config\":true}}"));
  }

  @Test
  void metricsCountAcceptedEventsRejectionsByTopLevelFieldAndProduceLatency() throws Exception {
    String token = new AppTokens(KEY).issue("probes-metrics", "tok-1", Instant.now());
    String body =
        """
        {"token": "%s", "visitor_id": "v-1", "events": [
          {"type": "pageview", "url": "https://a.example/"},
          {"type": "pageview", "url": "not a url"},
          {"type": "custom", "name": "signup"},
          {"type": "purchase", "product": {"id": "sku-1", "price": -1}},
          {"type": "pageview"}
        ]}
        """
            .formatted(token);
    HttpResponse<String> response = client.postEvents(body);
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(json(response).get("accepted").intValue()).isEqualTo(2);

    // The request timer is recorded when the exchange completes, just after the answer went out.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        metric(
                            "http_server_requests_seconds_count",
                            Map.of("route", "/v1/events", "method", "POST", "status", "202")))
                    .hasValue(1.0));
    assertThat(
            metric(
                "collector_events_accepted_total",
                Map.of("service", "collector", "channel", "http")))
        .hasValue(2.0);
    assertThat(metric("collector_events_rejected_total", Map.of("field", "url", "channel", "http")))
        .hasValue(2.0);
    assertThat(metric("collector_events_rejected_total", Map.of("field", "product"))).hasValue(1.0);
    assertThat(metric("collector_publish_failures_total", Map.of())).hasValue(0.0);
    // One batch, one trip to Kafka.
    assertThat(metric("collector_produce_latency_seconds_count", Map.of())).hasValue(1.0);
    assertThat(metric("collector_websocket_open", Map.of())).hasValue(0.0);
    assertThat(metric("collector_config_apps", Map.of())).isNotEmpty();
  }

  private static OptionalDouble metric(String name, Map<String, String> labels) throws Exception {
    HttpResponse<String> scrape = client.get("/metrics");
    assertThat(scrape.statusCode()).isEqualTo(200);
    return PrometheusScrape.value(scrape.body(), name, labels);
  }
}
