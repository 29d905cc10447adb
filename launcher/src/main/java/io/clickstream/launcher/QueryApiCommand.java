package io.clickstream.launcher;

import io.clickstream.platform.config.DatabaseUrl;
import io.clickstream.query.QueryApiService;
import io.clickstream.query.QueryApiSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "query-api",
    mixinStandardHelpOptions = true,
    description = "Serve metrics from Redis to analysts and the dashboard (port 8081).")
final class QueryApiCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin Options.Http http;
  @Mixin Options.Redis redis;
  @Mixin Options.Database database;

  @Option(
      names = "--port",
      defaultValue = "${env:QUERY_API_PORT:-8081}",
      description = "HTTP port. Env: QUERY_API_PORT. Default: ${DEFAULT-VALUE}")
  int port;

  @Option(
      names = "--bootstrap-servers",
      defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
      description =
          "Kafka, for the config topics (app changes, funnels). Env: KAFKA_BOOTSTRAP_SERVERS."
              + " Default: ${DEFAULT-VALUE}")
  String bootstrapServers;

  @Option(
      names = "--jwt-key",
      defaultValue = "${env:CLICKSTREAM_JWT_KEY}",
      description =
          "The metadata API's secret for access tokens (at least 32 characters); verifies them."
              + " Env: CLICKSTREAM_JWT_KEY.")
  String jwtKey;

  @Option(
      names = "--topology-url",
      split = ",",
      defaultValue = "${env:TOPOLOGY_URLS:-http://localhost:8083}",
      description =
          "Topology instances answering per-visitor journeys (comma-separated). Env: TOPOLOGY_URLS."
              + " Default: ${DEFAULT-VALUE}")
  List<URI> topologyUrls;

  @Option(
      names = "--access-cache-ttl",
      defaultValue = "${env:CLICKSTREAM_ACCESS_CACHE_TTL:-PT5S}",
      description =
          "How long an access decision is reused (ISO-8601 duration; app changes on the config"
              + " topic drop it at once). Env: CLICKSTREAM_ACCESS_CACHE_TTL. Default: ${DEFAULT-VALUE}")
  Duration accessCacheTtl;

  @Option(
      names = "--database-pool-size",
      defaultValue = "${env:DATABASE_POOL_SIZE:-4}",
      description =
          "Most PostgreSQL connections (access checks only). Env: DATABASE_POOL_SIZE."
              + " Default: ${DEFAULT-VALUE}")
  int databasePoolSize;

  @Override
  public Integer call() throws Exception {
    if (jwtKey == null || jwtKey.length() < Secrets.MIN_KEY_CHARS) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--jwt-key (CLICKSTREAM_JWT_KEY) must be set to the metadata API's secret of at least "
              + Secrets.MIN_KEY_CHARS
              + " characters.");
    }
    if (accessCacheTtl.isNegative() || accessCacheTtl.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--access-cache-ttl must be between 0 and 5 minutes.");
    }
    QueryApiSettings settings;
    try {
      settings =
          QueryApiSettings.of(
                  http.host,
                  port,
                  redis.redisUrl,
                  DatabaseUrl.parse(database.databaseUrl),
                  bootstrapServers,
                  jwtKey.getBytes(StandardCharsets.UTF_8))
              .withTopologyUrls(topologyUrls)
              .withAccessCacheTtl(accessCacheTtl)
              .withDatabasePoolSize(databasePoolSize);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Lifecycle lifecycle = new Lifecycle();
    lifecycle.started(new QueryApiService(settings, Clock.systemUTC())).start();
    lifecycle.awaitShutdown();
    return 0;
  }
}
