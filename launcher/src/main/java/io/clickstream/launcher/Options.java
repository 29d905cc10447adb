package io.clickstream.launcher;

import picocli.CommandLine.Option;

/** Option groups shared by several commands. Each option has an environment variable default. */
final class Options {
  private Options() {}

  static final class Kafka {
    @Option(
        names = "--bootstrap-servers",
        defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
        description =
            "Kafka bootstrap servers. Env: KAFKA_BOOTSTRAP_SERVERS. Default: ${DEFAULT-VALUE}")
    String bootstrapServers;

    @Option(
        names = "--replication-factor",
        defaultValue = "${env:KAFKA_REPLICATION_FACTOR:-3}",
        description =
            "Replication factor of the topics created at start (1 for a single broker)."
                + " Env: KAFKA_REPLICATION_FACTOR. Default: ${DEFAULT-VALUE}")
    short replicationFactor;
  }

  static final class Redis {
    @Option(
        names = "--redis-url",
        defaultValue = "${env:REDIS_URL:-redis://localhost:6379}",
        description = "Redis holding the serving copy. Env: REDIS_URL. Default: ${DEFAULT-VALUE}")
    String redisUrl;
  }

  static final class Database {
    @Option(
        names = "--database-url",
        defaultValue =
            "${env:DATABASE_URL:-postgresql://clickstream:clickstream@localhost:5432/clickstream}",
        description =
            "PostgreSQL, as postgresql://user:password@host:port/db. Env: DATABASE_URL."
                + " Default: postgresql://clickstream:…@localhost:5432/clickstream")
    String databaseUrl;
  }

  static final class Http {
    @Option(
        names = "--host",
        defaultValue = "${env:CLICKSTREAM_HOST:-0.0.0.0}",
        description = "Address to listen on. Env: CLICKSTREAM_HOST. Default: ${DEFAULT-VALUE}")
    String host;
  }

  static final class Secrets {
    @Option(
        names = "--token-key",
        defaultValue = "${env:CLICKSTREAM_TOKEN_KEY}",
        description =
            "Secret (at least 32 characters) that signs app tokens; the same on collectors and the"
                + " metadata API. Env: CLICKSTREAM_TOKEN_KEY.")
    String tokenKey;

    @Option(
        names = "--ip-salt",
        defaultValue = "${env:CLICKSTREAM_IP_SALT}",
        description =
            "Secret mixed into the daily hash of client IPs; the same on every collector."
                + " Env: CLICKSTREAM_IP_SALT.")
    String ipSalt;
  }
}
