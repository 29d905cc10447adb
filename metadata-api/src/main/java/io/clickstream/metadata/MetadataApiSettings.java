package io.clickstream.metadata;

import io.clickstream.metadata.accounts.PasswordHasher;
import io.clickstream.platform.config.DatabaseUrl;
import java.time.Duration;

/**
 * Everything the metadata API is configured with.
 *
 * @param jwtKey signs people's access tokens ({@code --jwt-key}); at least 32 bytes
 * @param tokenKey signs app tokens, the same key as the collectors' ({@code --token-key})
 * @param collectorPublicUrl where browsers reach the collector; the tracking snippet loads {@code
 *     /sdk.js} from there
 * @param relayEnabled whether this instance relays the outbox to Kafka (off only in tests that need
 *     changes to pile up)
 */
public record MetadataApiSettings(
    String host,
    int port,
    DatabaseUrl databaseUrl,
    int databasePoolSize,
    String kafkaBootstrapServers,
    byte[] jwtKey,
    byte[] tokenKey,
    String collectorPublicUrl,
    Duration accessTokenLifetime,
    Duration refreshTokenLifetime,
    PasswordHasher.Parameters passwordHashing,
    Duration relayPollInterval,
    boolean relayEnabled) {

  public static final String DEFAULT_COLLECTOR_PUBLIC_URL = "http://localhost:8080";
  public static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(15);
  public static final Duration DEFAULT_REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);

  /** The production defaults around what has no default. */
  public static MetadataApiSettings of(
      String host,
      int port,
      DatabaseUrl databaseUrl,
      String kafkaBootstrapServers,
      byte[] jwtKey,
      byte[] tokenKey) {
    return new MetadataApiSettings(
        host,
        port,
        databaseUrl,
        10,
        kafkaBootstrapServers,
        jwtKey,
        tokenKey,
        DEFAULT_COLLECTOR_PUBLIC_URL,
        DEFAULT_ACCESS_TOKEN_LIFETIME,
        DEFAULT_REFRESH_TOKEN_LIFETIME,
        PasswordHasher.Parameters.OWASP,
        Duration.ofSeconds(1),
        true);
  }

  public MetadataApiSettings withCollectorPublicUrl(String url) {
    return new MetadataApiSettings(
        host,
        port,
        databaseUrl,
        databasePoolSize,
        kafkaBootstrapServers,
        jwtKey,
        tokenKey,
        url,
        accessTokenLifetime,
        refreshTokenLifetime,
        passwordHashing,
        relayPollInterval,
        relayEnabled);
  }

  public MetadataApiSettings withDatabasePoolSize(int size) {
    return new MetadataApiSettings(
        host,
        port,
        databaseUrl,
        size,
        kafkaBootstrapServers,
        jwtKey,
        tokenKey,
        collectorPublicUrl,
        accessTokenLifetime,
        refreshTokenLifetime,
        passwordHashing,
        relayPollInterval,
        relayEnabled);
  }

  public MetadataApiSettings withAccessTokenLifetime(Duration lifetime) {
    return new MetadataApiSettings(
        host,
        port,
        databaseUrl,
        databasePoolSize,
        kafkaBootstrapServers,
        jwtKey,
        tokenKey,
        collectorPublicUrl,
        lifetime,
        refreshTokenLifetime,
        passwordHashing,
        relayPollInterval,
        relayEnabled);
  }

  public MetadataApiSettings withRelay(boolean enabled) {
    return new MetadataApiSettings(
        host,
        port,
        databaseUrl,
        databasePoolSize,
        kafkaBootstrapServers,
        jwtKey,
        tokenKey,
        collectorPublicUrl,
        accessTokenLifetime,
        refreshTokenLifetime,
        passwordHashing,
        relayPollInterval,
        enabled);
  }

  // The keys are secrets: they never reach a log line.
  @Override
  public String toString() {
    return "MetadataApiSettings[host="
        + host
        + ", port="
        + port
        + ", database="
        + databaseUrl
        + ", kafka="
        + kafkaBootstrapServers
        + ", collectorPublicUrl="
        + collectorPublicUrl
        + ", accessTokenLifetime="
        + accessTokenLifetime
        + "]";
  }
}
