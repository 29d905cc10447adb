package io.clickstream.metadata;

import io.clickstream.platform.config.DatabaseUrl;
import io.clickstream.platform.http.HttpService;
import io.clickstream.platform.metrics.Metrics;

/**
 * Users, organisations, apps, tokens and tracking configuration on PostgreSQL (DESIGN §6). This
 * first version migrates the schema and serves health, readiness and metrics.
 */
public final class MetadataApiService implements AutoCloseable {
  private final Database database;
  private final HttpService http;

  public MetadataApiService(String host, int port, DatabaseUrl databaseUrl) {
    this.database = new Database(databaseUrl, 10);
    this.http =
        HttpService.builder("metadata-api", Metrics.newRegistry("metadata-api"))
            .listen(host, port)
            .readiness("database", database::isReachable)
            .build();
  }

  public MetadataApiService start() {
    http.start();
    return this;
  }

  public String url() {
    return http.url();
  }

  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    http.close();
    database.close();
  }
}
