package io.clickstream.platform.http;

import static io.clickstream.platform.http.HttpClients.get;
import static io.clickstream.platform.http.HttpClients.json;
import static io.clickstream.platform.http.HttpClients.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.clickstream.model.Json;
import io.clickstream.platform.metrics.Metrics;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulCloseTest {

  @Test
  void closeLetsAnInFlightRequestFinishAndRefusesNewOnes() throws Exception {
    CountDownLatch slowStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HttpService service =
        HttpService.builder("close-test", Metrics.newRegistry("close-test"))
            .listen("127.0.0.1", 0)
            .workerThreads(4)
            .drainTimeout(Duration.ofSeconds(30))
            .get(
                "/slow",
                exchange -> {
                  slowStarted.countDown();
                  assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                  return Map.of("finished", true);
                })
            .build()
            .start();
    String url = service.url();

    CompletableFuture<HttpResponse<String>> inFlight =
        HttpClients.CLIENT.sendAsync(
            request(service, "/slow").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> closed = CompletableFuture.runAsync(service::close);

    // While draining, the service turns new requests away but keeps the slow one running.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(get(service, "/healthz").statusCode()).isEqualTo(503));
    HttpResponse<String> refused = get(service, "/healthz");
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(json(refused))
        .isEqualTo(
            Json.readTree(
                "{\"error\":{\"code\":\"unavailable\",\"message\":\"The server is shutting down; retry.\"}}"));
    assertThat(inFlight).isNotDone();
    assertThat(closed).isNotDone();

    release.countDown();

    HttpResponse<String> slow = inFlight.get(10, TimeUnit.SECONDS);
    assertThat(slow.statusCode()).isEqualTo(200);
    assertThat(json(slow)).isEqualTo(Json.readTree("{\"finished\":true}"));
    closed.get(10, TimeUnit.SECONDS);
    // A fresh client, so that no pooled connection from before the close is reused.
    HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    assertThatThrownBy(
            () ->
                fresh.send(
                    HttpRequest.newBuilder(URI.create(url + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
  }
}
