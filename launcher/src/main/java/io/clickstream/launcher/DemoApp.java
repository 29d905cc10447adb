package io.clickstream.launcher;

import io.clickstream.model.Json;
import io.clickstream.model.config.AppConfig;
import io.clickstream.model.config.AppSettings;
import io.clickstream.model.config.ConfigKeys;
import io.clickstream.platform.auth.AppTokens;
import io.clickstream.platform.kafka.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The app of {@code dev --demo}. For now it is published straight to {@code
 * clickstream.config.apps} so the collector accepts its token; the metadata API will seed it (with
 * a user, a funnel and the token) once it can.
 */
final class DemoApp {
  static final String APP_ID = "demo";
  static final String TOKEN_ID = "demo-token";

  private DemoApp() {}

  static AppConfig config() {
    return new AppConfig(APP_ID, "demo", "Demo shop", null, true, AppSettings.DEFAULTS, 1);
  }

  static String token(byte[] tokenKey) {
    return new AppTokens(tokenKey).issue(APP_ID, TOKEN_ID, Instant.now());
  }

  /** Publishes the demo app's configuration and returns once Kafka acknowledged it. */
  static void publish(String bootstrapServers) {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.CLIENT_ID_CONFIG,
                "clickstream-dev-demo"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.CONFIG_APPS, ConfigKeys.app(APP_ID), Json.toBytes(config())))
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not publish the demo app", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while publishing the demo app", e);
    }
  }
}
