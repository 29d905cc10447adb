package io.clickstream.launcher;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Raw Kafka client settings from the environment: {@code KAFKA_STREAMS_MAX_POLL_RECORDS=500}
 * becomes {@code max.poll.records=500} for Kafka Streams (prefix {@code KAFKA_STREAMS_}), likewise
 * {@code KAFKA_PRODUCER_} for the collector's producer.
 */
final class EnvOverrides {
  private EnvOverrides() {}

  static Map<String, String> withPrefix(String prefix) {
    return withPrefix(prefix, System.getenv());
  }

  static Map<String, String> withPrefix(String prefix, Map<String, String> environment) {
    Map<String, String> overrides = new TreeMap<>();
    environment.forEach(
        (name, value) -> {
          if (name.startsWith(prefix) && name.length() > prefix.length()) {
            String key = name.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
            overrides.put(key, value);
          }
        });
    return overrides;
  }
}
