package io.clickstream.embedded;

import java.util.Map;
import java.util.Optional;

/**
 * Addresses of services that already run elsewhere; each one that is absent is started embedded.
 */
public record ExternalServices(
    Optional<String> kafkaBootstrapServers,
    Optional<String> databaseUrl,
    Optional<String> redisUrl) {

  public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
  public static final String DATABASE_URL = "DATABASE_URL";
  public static final String REDIS_URL = "REDIS_URL";

  /** Everything embedded. */
  public static ExternalServices none() {
    return new ExternalServices(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * From {@code KAFKA_BOOTSTRAP_SERVERS}, {@code DATABASE_URL} and {@code REDIS_URL} in {@code
   * environment} (usually {@code System.getenv()}); blank values count as absent.
   */
  public static ExternalServices fromEnvironment(Map<String, String> environment) {
    return new ExternalServices(
        nonBlank(environment.get(KAFKA_BOOTSTRAP_SERVERS)),
        nonBlank(environment.get(DATABASE_URL)),
        nonBlank(environment.get(REDIS_URL)));
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }
}
