package io.clickstream.metadata;

import io.clickstream.metadata.accounts.AccountRoutes;
import io.clickstream.metadata.accounts.Accounts;
import io.clickstream.metadata.accounts.PasswordHasher;
import io.clickstream.metadata.apps.AppRoutes;
import io.clickstream.metadata.apps.Apps;
import io.clickstream.metadata.auth.Authenticator;
import io.clickstream.metadata.auth.Authorizer;
import io.clickstream.metadata.config.ConfigRoutes;
import io.clickstream.metadata.config.Funnels;
import io.clickstream.metadata.config.Products;
import io.clickstream.metadata.config.Profiles;
import io.clickstream.metadata.config.TrackedElements;
import io.clickstream.metadata.db.Database;
import io.clickstream.metadata.db.Transactor;
import io.clickstream.metadata.http.Routes;
import io.clickstream.metadata.outbox.OutboxRelay;
import io.clickstream.metadata.teams.TeamRoutes;
import io.clickstream.metadata.teams.Teams;
import io.clickstream.metadata.tokens.Credentials;
import io.clickstream.metadata.tokens.TokenRoutes;
import io.clickstream.metadata.tokens.TrackingSnippet;
import io.clickstream.platform.auth.AccessTokens;
import io.clickstream.platform.auth.AppTokens;
import io.clickstream.platform.http.HttpService;
import io.clickstream.platform.metrics.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;

/**
 * Users, organisations, apps, members, tokens and tracking configuration on PostgreSQL (DESIGN §6),
 * with the outbox relay that publishes what the stream needs to {@code clickstream.config.*}.
 * Everything is wired here, by hand.
 */
public final class MetadataApiService implements AutoCloseable {
  private final Database database;
  private final HttpService http;
  private final OutboxRelay relay;

  public MetadataApiService(MetadataApiSettings settings) {
    this(settings, Clock.systemUTC());
  }

  public MetadataApiService(MetadataApiSettings settings, Clock clock) {
    TrackingSnippet snippet = new TrackingSnippet(settings.collectorPublicUrl());
    AccessTokens accessTokens =
        new AccessTokens(settings.jwtKey(), settings.accessTokenLifetime(), clock);
    AppTokens appTokens = new AppTokens(settings.tokenKey());
    // Bounded hashing: each Argon2 run holds its memory; the cores are the real limit anyway.
    PasswordHasher hasher =
        new PasswordHasher(
            settings.passwordHashing(), Math.max(2, Runtime.getRuntime().availableProcessors()));

    this.database = new Database(settings.databaseUrl(), settings.databasePoolSize());
    Transactor db = new Transactor(database.dataSource());
    Authenticator authenticator = new Authenticator(accessTokens, db);
    Authorizer authorizer = new Authorizer();
    PrometheusMeterRegistry registry = Metrics.newRegistry("metadata-api");

    List<Routes> routes =
        List.of(
            new AccountRoutes(
                new Accounts(db, hasher, accessTokens, settings.refreshTokenLifetime(), clock),
                authenticator),
            new AppRoutes(new Apps(db, authorizer, clock), authenticator),
            new TeamRoutes(new Teams(db, authorizer, clock), authenticator),
            new TokenRoutes(
                new Credentials(db, authorizer, appTokens, snippet, clock), authenticator),
            new ConfigRoutes(
                new Funnels(db, authorizer, clock),
                new TrackedElements(db, authorizer, clock),
                new Products(db, authorizer, clock),
                new Profiles(db, authorizer, clock),
                authenticator));
    HttpService.Builder builder =
        HttpService.builder("metadata-api", registry)
            .listen(settings.host(), settings.port())
            .readiness("database", database::isReachable);
    routes.forEach(r -> r.addTo(builder));
    this.http = builder.build();
    this.relay =
        settings.relayEnabled()
            ? new OutboxRelay(
                database.dataSource(),
                settings.kafkaBootstrapServers(),
                settings.relayPollInterval(),
                500,
                registry)
            : null;
  }

  public MetadataApiService start() {
    if (relay != null) {
      relay.start();
    }
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
    if (relay != null) {
      relay.close();
    }
    database.close();
  }
}
