package io.clickstream.collector;

import io.clickstream.model.Json;
import io.clickstream.model.config.AppConfig;
import io.clickstream.model.config.AppSettings;
import io.clickstream.model.config.ConfigKeys;
import io.clickstream.model.config.TokenRevocation;
import io.clickstream.platform.kafka.Topics;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes to the config topics what the metadata API would: apps, deletions, revocations. */
final class ConfigTopics {
  private ConfigTopics() {}

  /** An app with the default settings and no URL (so any origin may send). */
  static AppConfig app(String appId) {
    return app(appId, null, AppSettings.DEFAULTS);
  }

  static AppConfig app(String appId, String url, AppSettings settings) {
    return new AppConfig(appId, "org-test", "App " + appId, url, false, settings, 1);
  }

  static void publish(String bootstrapServers, AppConfig... apps) {
    try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
      for (AppConfig app : apps) {
        send(producer, Topics.CONFIG_APPS, ConfigKeys.app(app.appId()), Json.toBytes(app));
      }
    }
  }

  static void publishApps(String bootstrapServers, String... appIds) {
    for (String appId : appIds) {
      publish(bootstrapServers, app(appId));
    }
  }

  static void delete(String bootstrapServers, String appId) {
    try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
      send(producer, Topics.CONFIG_APPS, ConfigKeys.app(appId), null);
    }
  }

  static void revoke(String bootstrapServers, String appId, String tokenId) {
    try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
      send(
          producer,
          Topics.CONFIG_TOKEN_REVOCATIONS,
          ConfigKeys.tokenRevocation(tokenId),
          Json.toBytes(new TokenRevocation(tokenId, appId, System.currentTimeMillis())));
    }
  }

  private static void send(
      KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Publishing to " + topic + " failed", e.getCause());
    }
  }

  private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.CLIENT_ID_CONFIG,
            "collector-test-config"),
        new StringSerializer(),
        new ByteArraySerializer());
  }
}
