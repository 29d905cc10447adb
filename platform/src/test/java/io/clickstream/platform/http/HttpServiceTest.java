package io.clickstream.platform.http;

import static io.clickstream.platform.http.HttpClients.error;
import static io.clickstream.platform.http.HttpClients.get;
import static io.clickstream.platform.http.HttpClients.json;
import static io.clickstream.platform.http.HttpClients.request;
import static io.clickstream.platform.http.HttpClients.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clickstream.model.Json;
import io.clickstream.platform.metrics.Metrics;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpServiceTest {
  /** Completes stages a little later on another thread, as a Kafka acknowledgement would. */
  private static final Executor LATER =
      CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS);

  private static HttpService service;

  @BeforeAll
  static void start() {
    service =
        HttpService.builder("http-test", Metrics.newRegistry("http-test"))
            .listen("127.0.0.1", 0)
            .get("/items/{id}", exchange -> Map.of("id", QueryParams.required(exchange, "id")))
            .post("/items", exchange -> Response.of(201, Map.of("created", true)))
            .get(
                "/cached",
                exchange ->
                    new Response(
                        200, Map.of("fresh", false), Map.of("Cache-Control", "max-age=60")))
            .get(
                "/rate-limited",
                exchange -> {
                  throw new ApiException(429, "rate_limited", "Too many events for this app.", 7);
                })
            .get(
                "/conflict",
                exchange -> {
                  throw new ApiException(409, "conflict", "The app already has a token.");
                })
            .get(
                "/crash",
                exchange -> {
                  throw new IllegalStateException("db.internal:5432 refused user admin/hunter2");
                })
            .get(
                "/later",
                exchange ->
                    CompletableFuture.supplyAsync(
                        () -> Response.accepted(Map.of("accepted", 3)), LATER))
            .get(
                "/later-unavailable",
                exchange ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          throw ApiException.unavailable("Kafka did not acknowledge.", 5);
                        },
                        LATER))
            .get(
                "/failed-stage",
                exchange -> CompletableFuture.failedFuture(ApiException.notFound("No such app.")))
            .get(
                "/later-crash",
                exchange ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          throw new IllegalStateException("broker broke at offset 42");
                        },
                        LATER))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void healthzAnswersOk() throws Exception {
    HttpResponse<String> response = get(service, "/healthz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(json(response)).isEqualTo(Json.readTree("{\"status\":\"ok\"}"));
  }

  @Test
  void readyzAnswers200WhenEveryCheckPasses() throws Exception {
    try (HttpService ready =
        startWith(b -> b.readiness("kafka", () -> true).readiness("redis", () -> true))) {
      HttpResponse<String> response = get(ready, "/readyz");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(json(response))
          .isEqualTo(
              Json.readTree("{\"status\":\"ready\",\"checks\":{\"kafka\":true,\"redis\":true}}"));
    }
  }

  @Test
  void readyzAnswers503NamingTheFailedCheck() throws Exception {
    try (HttpService notReady =
        startWith(b -> b.readiness("kafka", () -> true).readiness("redis", () -> false))) {
      HttpResponse<String> response = get(notReady, "/readyz");

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(json(response))
          .isEqualTo(
              Json.readTree(
                  "{\"status\":\"not_ready\",\"checks\":{\"kafka\":true,\"redis\":false}}"));
    }
  }

  @Test
  void readyzCountsACheckThatThrowsAsFailed() throws Exception {
    try (HttpService notReady =
        startWith(
            b ->
                b.readiness("kafka", () -> true)
                    .readiness(
                        "database",
                        () -> {
                          throw new IllegalStateException("pool exhausted");
                        }))) {
      HttpResponse<String> response = get(notReady, "/readyz");

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(json(response))
          .isEqualTo(
              Json.readTree(
                  "{\"status\":\"not_ready\",\"checks\":{\"kafka\":true,\"database\":false}}"));
    }
  }

  @Test
  void readyzWithoutChecksIsReady() throws Exception {
    try (HttpService ready = startWith(b -> {})) {
      HttpResponse<String> response = get(ready, "/readyz");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(json(response)).isEqualTo(Json.readTree("{\"status\":\"ready\",\"checks\":{}}"));
    }
  }

  @Test
  void routeAnswersWithItsPathParameter() throws Exception {
    HttpResponse<String> response = get(service, "/items/42");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response)).isEqualTo(Json.readTree("{\"id\":\"42\"}"));
  }

  @Test
  void responseCarriesItsStatusAndHeaders() throws Exception {
    HttpResponse<String> created =
        send(request(service, "/items").POST(HttpRequest.BodyPublishers.noBody()).build());
    HttpResponse<String> cached = get(service, "/cached");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json(created)).isEqualTo(Json.readTree("{\"created\":true}"));
    assertThat(cached.statusCode()).isEqualTo(200);
    assertThat(cached.headers().firstValue("Cache-Control")).hasValue("max-age=60");
  }

  @Test
  void unknownPathIs404NotFound() throws Exception {
    HttpResponse<String> response = get(service, "/no/such/path");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(json(response)).isEqualTo(error("not_found", "No such path: /no/such/path"));
  }

  @Test
  void wrongMethodIs405MethodNotAllowed() throws Exception {
    HttpResponse<String> response = send(request(service, "/items/42").DELETE().build());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(json(response))
        .isEqualTo(error("method_not_allowed", "DELETE is not allowed on /items/42"));
  }

  @Test
  void apiExceptionBecomesItsStatusCodeMessageAndRetryAfter() throws Exception {
    HttpResponse<String> response = get(service, "/rate-limited");

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(json(response)).isEqualTo(error("rate_limited", "Too many events for this app."));
  }

  @Test
  void apiExceptionWithoutRetryAfterSendsNoRetryAfterHeader() throws Exception {
    HttpResponse<String> response = get(service, "/conflict");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    assertThat(json(response)).isEqualTo(error("conflict", "The app already has a token."));
  }

  @Test
  void unexpectedExceptionIs500WithoutItsDetails() throws Exception {
    HttpResponse<String> response = get(service, "/crash");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(json(response)).isEqualTo(error("internal_error", "The server failed to answer."));
    assertThat(response.body())
        .doesNotContain("IllegalStateException", "java.lang", "hunter2", "db.internal", "\tat ");
  }

  @Test
  void stageCompletingLaterIsAnsweredWithItsResult() throws Exception {
    HttpResponse<String> response = get(service, "/later");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(json(response)).isEqualTo(Json.readTree("{\"accepted\":3}"));
  }

  @Test
  void stageFailingLaterWithApiExceptionIsAnsweredWithThatError() throws Exception {
    HttpResponse<String> response = get(service, "/later-unavailable");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(json(response)).isEqualTo(error("unavailable", "Kafka did not acknowledge."));
  }

  @Test
  void alreadyFailedStageWithApiExceptionIsAnsweredWithThatError() throws Exception {
    HttpResponse<String> response = get(service, "/failed-stage");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response)).isEqualTo(error("not_found", "No such app."));
  }

  @Test
  void stageFailingWithUnexpectedExceptionIs500WithoutItsDetails() throws Exception {
    HttpResponse<String> response = get(service, "/later-crash");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(json(response)).isEqualTo(error("internal_error", "The server failed to answer."));
    assertThat(response.body()).doesNotContain("IllegalStateException", "offset 42");
  }

  @Test
  void metricsCountRequestsByRouteTemplateMethodAndStatus() throws Exception {
    try (HttpService metered =
        startWith(b -> b.get("/apps/{appId}/overview", exchange -> Map.of("visitors", 0)))) {
      assertThat(get(metered, "/apps/a1/overview").statusCode()).isEqualTo(200);
      assertThat(get(metered, "/apps/a2/overview").statusCode()).isEqualTo(200);
      assertThat(get(metered, "/apps/a3/nothing-here").statusCode()).isEqualTo(404);

      // The timer is recorded when the exchange completes, just after the client got its answer.
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                HttpResponse<String> scrape = get(metered, "/metrics");
                assertThat(scrape.statusCode()).isEqualTo(200);
                assertThat(scrape.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
                assertThat(
                        count(
                            scrape.body(),
                            Map.of(
                                "method", "GET",
                                "route", "/apps/{appId}/overview",
                                "status", "200",
                                "service", "metered-test")))
                    .hasValue(2.0);
                // Latency buckets, the query API's 5 ms goal among them; +Inf holds every one.
                Map<String, String> overview =
                    Map.of("route", "/apps/{appId}/overview", "status", "200");
                assertThat(bucket(scrape.body(), overview, "0.005")).isPresent();
                assertThat(bucket(scrape.body(), overview, "+Inf")).hasValue(2.0);
                // Unknown paths share one series, so scanners cannot blow up the cardinality.
                assertThat(count(scrape.body(), Map.of("route", "unmatched", "status", "404")))
                    .hasValue(1.0);
              });
    }
  }

  private static OptionalDouble bucket(String scrape, Map<String, String> labels, String le) {
    Map<String, String> withBound = new HashMap<>(labels);
    withBound.put("le", le);
    return PrometheusScrape.value(scrape, "http_server_requests_seconds_bucket", withBound);
  }

  private static OptionalDouble count(String scrape, Map<String, String> labels) {
    return PrometheusScrape.value(scrape, "http_server_requests_seconds_count", labels);
  }

  private static HttpService startWith(Consumer<HttpService.Builder> configure) {
    HttpService.Builder builder =
        HttpService.builder("metered-test", Metrics.newRegistry("metered-test"))
            .listen("127.0.0.1", 0)
            .workerThreads(4);
    configure.accept(builder);
    return builder.build().start();
  }
}
