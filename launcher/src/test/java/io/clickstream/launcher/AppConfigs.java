package io.clickstream.launcher;

import static org.awaitility.Awaitility.await;

import io.clickstream.model.Json;
import io.clickstream.model.config.AppConfig;
import io.clickstream.model.config.AppSettings;
import io.clickstream.model.config.ConfigKeys;
import io.clickstream.platform.kafka.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Makes apps known to collectors the way the metadata API will: an {@link AppConfig} on {@code
 * clickstream.config.apps}. A collector accepts an app's tokens only once it has read it there.
 */
final class AppConfigs {
  private static final HttpClient http = HttpClient.newHttpClient();

  private AppConfigs() {}

  /**
   * For tests of the collector's side only; apps the query API serves come from the metadata API.
   */
  static void publish(String bootstrapServers, String appId) throws Exception {
    AppConfig app =
        new AppConfig(appId, "org-test", "App " + appId, null, false, AppSettings.DEFAULTS, 1);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer
          .send(new ProducerRecord<>(Topics.CONFIG_APPS, ConfigKeys.app(appId), Json.toBytes(app)))
          .get();
    }
  }

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
