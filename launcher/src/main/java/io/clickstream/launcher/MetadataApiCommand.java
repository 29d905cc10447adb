package io.clickstream.launcher;

import io.clickstream.metadata.MetadataApiService;
import io.clickstream.metadata.MetadataApiSettings;
import io.clickstream.metadata.tokens.TrackingSnippet;
import io.clickstream.platform.config.DatabaseUrl;
import io.clickstream.platform.kafka.TopicInitializer;
import io.clickstream.platform.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "metadata-api",
    mixinStandardHelpOptions = true,
    description =
        "Users, apps, tokens and configuration on PostgreSQL (port 8082); publishes what the"
            + " stream needs to the clickstream.config.* topics.")
final class MetadataApiCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin Options.Http http;
  @Mixin Options.Database database;
  @Mixin Options.Kafka kafka;

  @Option(
      names = "--port",
      defaultValue = "${env:METADATA_API_PORT:-8082}",
      description = "HTTP port. Env: METADATA_API_PORT. Default: ${DEFAULT-VALUE}")
  int port;

  @Option(
      names = "--jwt-key",
      defaultValue = "${env:CLICKSTREAM_JWT_KEY}",
      description =
          "Secret (at least 32 characters) that signs people's access tokens; the same on every"
              + " metadata API and query API. Env: CLICKSTREAM_JWT_KEY.")
  String jwtKey;

  @Option(
      names = "--token-key",
      defaultValue = "${env:CLICKSTREAM_TOKEN_KEY}",
      description =
          "Secret (at least 32 characters) that signs app tokens; the same on collectors and the"
              + " metadata API. Env: CLICKSTREAM_TOKEN_KEY.")
  String tokenKey;

  @Option(
      names = "--collector-public-url",
      defaultValue = "${env:CLICKSTREAM_COLLECTOR_PUBLIC_URL:-http://localhost:8080}",
      description =
          "Where browsers reach the collector; tracking snippets load /sdk.js from there."
              + " Env: CLICKSTREAM_COLLECTOR_PUBLIC_URL. Default: ${DEFAULT-VALUE}")
  String collectorPublicUrl;

  @Option(
      names = "--database-pool-size",
      defaultValue = "${env:DATABASE_POOL_SIZE:-10}",
      description =
          "Most PostgreSQL connections this process opens. Env: DATABASE_POOL_SIZE."
              + " Default: ${DEFAULT-VALUE}")
  int databasePoolSize;

  @Option(
      names = "--access-token-ttl",
      defaultValue = "${env:CLICKSTREAM_ACCESS_TOKEN_TTL:-PT15M}",
      description =
          "Lifetime of access tokens (ISO-8601 duration). Env: CLICKSTREAM_ACCESS_TOKEN_TTL."
              + " Default: ${DEFAULT-VALUE}")
  Duration accessTokenTtl;

  @Override
  public Integer call() throws Exception {
    byte[] jwt = key(jwtKey, "--jwt-key (CLICKSTREAM_JWT_KEY)");
    byte[] token = key(tokenKey, "--token-key (CLICKSTREAM_TOKEN_KEY)");
    if (accessTokenTtl.isNegative()
        || accessTokenTtl.isZero()
        || accessTokenTtl.compareTo(Duration.ofHours(1)) > 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--access-token-ttl must be between 1 second and 1 hour.");
    }
    MetadataApiSettings settings;
    try {
      settings =
          MetadataApiSettings.of(
                  http.host,
                  port,
                  DatabaseUrl.parse(database.databaseUrl),
                  kafka.bootstrapServers,
                  jwt,
                  token)
              .withCollectorPublicUrl(collectorPublicUrl)
              .withDatabasePoolSize(databasePoolSize)
              .withAccessTokenLifetime(accessTokenTtl);
      new TrackingSnippet(collectorPublicUrl); // refuses a malformed URL before anything starts
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Lifecycle lifecycle = new Lifecycle();
    TopicInitializer.initialize(kafka.bootstrapServers, kafka.replicationFactor, Topics.all());
    lifecycle.started(new MetadataApiService(settings)).start();
    lifecycle.awaitShutdown();
    return 0;
  }

  private byte[] key(String configured, String name) {
    if (configured == null || configured.length() < Secrets.MIN_KEY_CHARS) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          name + " must be set to a secret of at least " + Secrets.MIN_KEY_CHARS + " characters.");
    }
    return configured.getBytes(StandardCharsets.UTF_8);
  }
}
