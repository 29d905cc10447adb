package io.clickstream.simulator.transport;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Json;
import io.clickstream.simulator.behaviour.Chunk;
import io.clickstream.simulator.behaviour.OutgoingEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/events}, one batch per chunk, with the visitor's User-Agent. 429, 503 and broken
 * connections are retried as a tracker would (the collector dedupes what arrives twice); other
 * refusals fail the chunk.
 */
public final class HttpTransport implements Transport {
  private final URI endpoint;
  private final HttpClient http;

  public HttpTransport(String collectorUrl) {
    this.endpoint = URI.create(collectorUrl.replaceAll("/+$", "") + "/v1/events");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public Sender newSender() {
    return Sender.stateless(this::post);
  }

  private Delivery post(Chunk chunk) throws InterruptedException {
    Map<String, Object> batch = new LinkedHashMap<>();
    batch.put("token", chunk.visitor().token());
    batch.put("visitor_id", chunk.visitor().id());
    batch.put("session_id", chunk.sessionId());
    batch.put("events", chunk.events().stream().map(OutgoingEvent::wire).toList());
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("User-Agent", chunk.visitor().userAgent())
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(batch)))
            .build();
    long started = System.nanoTime();
    String error = null;
    for (int attempt = 0; attempt < Retries.MAX_ATTEMPTS; attempt++) {
      Duration retryAfter = null;
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 202) {
          return Delivery.answered(
              rejectedIndexes(Json.readTree(response.body())),
              System.nanoTime() - started,
              List.of());
        }
        error = "HTTP " + status + ": " + response.body();
        if (status != 429 && status != 503) {
          return Delivery.refused(
              chunk.events().size(), error, System.nanoTime() - started, List.of());
        }
        retryAfter = retryAfter(response).orElse(null);
      } catch (IOException e) {
        error = e.toString();
      }
      Retries.pause(attempt, retryAfter);
    }
    return Delivery.failed(error, System.nanoTime() - started, List.of());
  }

  /** The indexes of {@code rejected:[{index, reason}]} in an answer of the collector. */
  static Set<Integer> rejectedIndexes(JsonNode answer) {
    Set<Integer> rejected = new HashSet<>();
    for (JsonNode rejection : answer.path("rejected")) {
      rejected.add(rejection.path("index").asInt());
    }
    return rejected;
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            value -> {
              try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }

  /** Java 17's HttpClient has nothing to close; its threads end with it. */
  @Override
  public void close() {}
}
