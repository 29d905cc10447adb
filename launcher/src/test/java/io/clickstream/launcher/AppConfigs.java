package io.clickstream.launcher;

import static org.awaitility.Awaitility.await;

import io.clickstream.model.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Waits for an app to reach a collector: the metadata API publishes it on {@code
 * clickstream.config.apps}, and a collector accepts its tokens only once it has read it there.
 */
final class AppConfigs {
  private static final HttpClient http = HttpClient.newHttpClient();

  private AppConfigs() {}

  /** Waits until the collector takes an (empty) batch with this token: it has read the app. */
  static void awaitAccepted(String collectorUrl, String token) {
    byte[] emptyBatch =
        Json.toBytes(Map.of("token", token, "visitor_id", "probe", "events", new Object[0]));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                http.send(
                        HttpRequest.newBuilder(URI.create(collectorUrl + "/v1/events"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(emptyBatch))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .statusCode(),
            status -> status == 202);
  }
}
