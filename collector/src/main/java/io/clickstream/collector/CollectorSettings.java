package io.clickstream.collector;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a collector needs.
 *
 * @param tokenKey the key app tokens are signed with (shared with the metadata API); session
 *     tickets are signed with a key derived from it
 * @param ipSalt secret mixed into the daily IP hash; never logged
 * @param producerOverrides raw Kafka producer properties that win over the defaults
 * @param trustedProxies CIDRs of reverse proxies whose {@code X-Forwarded-*} headers are believed;
 *     empty to believe none
 * @param publicUrl the collector's URL as browsers reach it, for the {@code ws_url} of a hello;
 *     null to derive it from each request
 * @param pingInterval how often open WebSockets are pinged; a socket that misses two pings is dead
 * @param drainTimeout how long shutdown waits for open sockets and in-flight requests
 * @param configLoadTimeout how long start waits for the config topics before serving anyway (it
 *     answers 503 until they are read)
 */
public record CollectorSettings(
    String host,
    int port,
    String bootstrapServers,
    byte[] tokenKey,
    String ipSalt,
    Map<String, String> producerOverrides,
    List<String> trustedProxies,
    String publicUrl,
    Duration pingInterval,
    Duration drainTimeout,
    Duration configLoadTimeout) {

  public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(15);
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_CONFIG_LOAD_TIMEOUT = Duration.ofSeconds(30);

  public CollectorSettings {
    producerOverrides = Map.copyOf(producerOverrides);
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** A collector with no trusted proxies, a URL from each request, and the default timings. */
  public CollectorSettings(
      String host,
      int port,
      String bootstrapServers,
      byte[] tokenKey,
      String ipSalt,
      Map<String, String> producerOverrides) {
    this(
        host,
        port,
        bootstrapServers,
        tokenKey,
        ipSalt,
        producerOverrides,
        List.of(),
        null,
        DEFAULT_PING_INTERVAL,
        DEFAULT_DRAIN_TIMEOUT,
        DEFAULT_CONFIG_LOAD_TIMEOUT);
  }

  public CollectorSettings withTrustedProxies(List<String> cidrs) {
    return new CollectorSettings(
        host,
        port,
        bootstrapServers,
        tokenKey,
        ipSalt,
        producerOverrides,
        cidrs,
        publicUrl,
        pingInterval,
        drainTimeout,
        configLoadTimeout);
  }

  public CollectorSettings withPublicUrl(String url) {
    return new CollectorSettings(
        host,
        port,
        bootstrapServers,
        tokenKey,
        ipSalt,
        producerOverrides,
        trustedProxies,
        url,
        pingInterval,
        drainTimeout,
        configLoadTimeout);
  }

  public CollectorSettings withPingInterval(Duration interval) {
    return new CollectorSettings(
        host,
        port,
        bootstrapServers,
        tokenKey,
        ipSalt,
        producerOverrides,
        trustedProxies,
        publicUrl,
        interval,
        drainTimeout,
        configLoadTimeout);
  }

  public CollectorSettings withDrainTimeout(Duration timeout) {
    return new CollectorSettings(
        host,
        port,
        bootstrapServers,
        tokenKey,
        ipSalt,
        producerOverrides,
        trustedProxies,
        publicUrl,
        pingInterval,
        timeout,
        configLoadTimeout);
  }

  // The key and the salt are secrets: a settings object may be logged.
  @Override
  public String toString() {
    return "CollectorSettings[host="
        + host
        + ", port="
        + port
        + ", bootstrapServers="
        + bootstrapServers
        + ", trustedProxies="
        + trustedProxies
        + ", publicUrl="
        + publicUrl
        + ", pingInterval="
        + pingInterval
        + ", drainTimeout="
        + drainTimeout
        + "]";
  }
}
