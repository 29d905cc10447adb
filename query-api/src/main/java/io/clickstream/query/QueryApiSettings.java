package io.clickstream.query;

import io.clickstream.platform.config.DatabaseUrl;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Everything the query API is configured with.
 *
 * @param databaseUrl the metadata API's PostgreSQL, read for access decisions only
 * @param kafkaBootstrapServers for the config topics: app changes (cache invalidation) and funnels
 * @param jwtKey verifies people's access tokens; the metadata API's {@code --jwt-key}
 * @param topologyUrls topology instances that answer per-visitor journeys
 * @param accessCacheTtl how long an access decision is reused
 * @param streamHeartbeat how often an idle {@code /stream} gets a comment line
 */
public record QueryApiSettings(
    String host,
    int port,
    String redisUrl,
    DatabaseUrl databaseUrl,
    int databasePoolSize,
    String kafkaBootstrapServers,
    byte[] jwtKey,
    List<URI> topologyUrls,
    Duration accessCacheTtl,
    Duration streamHeartbeat) {

  public static final Duration DEFAULT_ACCESS_CACHE_TTL = Duration.ofSeconds(5);
  public static final int DEFAULT_DATABASE_POOL_SIZE = 4;
  public static final Duration DEFAULT_STREAM_HEARTBEAT = Duration.ofSeconds(15);

  public static QueryApiSettings of(
      String host,
      int port,
      String redisUrl,
      DatabaseUrl databaseUrl,
      String kafkaBootstrapServers,
      byte[] jwtKey) {
    return new QueryApiSettings(
        host,
        port,
        redisUrl,
        databaseUrl,
        DEFAULT_DATABASE_POOL_SIZE,
        kafkaBootstrapServers,
        jwtKey,
        List.of(),
        DEFAULT_ACCESS_CACHE_TTL,
        DEFAULT_STREAM_HEARTBEAT);
  }

  public QueryApiSettings withTopologyUrls(List<URI> urls) {
    return new QueryApiSettings(
        host,
        port,
        redisUrl,
        databaseUrl,
        databasePoolSize,
        kafkaBootstrapServers,
        jwtKey,
        List.copyOf(urls),
        accessCacheTtl,
        streamHeartbeat);
  }

  public QueryApiSettings withAccessCacheTtl(Duration ttl) {
    return new QueryApiSettings(
        host,
        port,
        redisUrl,
        databaseUrl,
        databasePoolSize,
        kafkaBootstrapServers,
        jwtKey,
        topologyUrls,
        ttl,
        streamHeartbeat);
  }

  public QueryApiSettings withDatabasePoolSize(int size) {
    return new QueryApiSettings(
        host,
        port,
        redisUrl,
        databaseUrl,
        size,
        kafkaBootstrapServers,
        jwtKey,
        topologyUrls,
        accessCacheTtl,
        streamHeartbeat);
  }

  public QueryApiSettings withStreamHeartbeat(Duration heartbeat) {
    return new QueryApiSettings(
        host,
        port,
        redisUrl,
        databaseUrl,
        databasePoolSize,
        kafkaBootstrapServers,
        jwtKey,
        topologyUrls,
        accessCacheTtl,
        heartbeat);
  }
}
