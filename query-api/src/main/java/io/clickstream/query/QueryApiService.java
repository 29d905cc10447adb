package io.clickstream.query;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.clickstream.model.Json;
import io.clickstream.model.config.AppConfig;
import io.clickstream.model.config.FunnelDefinition;
import io.clickstream.platform.auth.AccessTokens;
import io.clickstream.platform.http.HttpService;
import io.clickstream.platform.kafka.CompactedTopicView;
import io.clickstream.platform.kafka.Topics;
import io.clickstream.platform.metrics.Metrics;
import io.clickstream.query.auth.AccessCache;
import io.clickstream.query.auth.AccessRules;
import io.clickstream.query.auth.AppGuard;
import io.clickstream.query.endpoints.ActivityEndpoint;
import io.clickstream.query.endpoints.DimensionEndpoint;
import io.clickstream.query.endpoints.EngagementEndpoint;
import io.clickstream.query.endpoints.EventsEndpoint;
import io.clickstream.query.endpoints.FunnelEndpoint;
import io.clickstream.query.endpoints.JourneysEndpoint;
import io.clickstream.query.endpoints.LiveEndpoint;
import io.clickstream.query.endpoints.OverviewEndpoint;
import io.clickstream.query.endpoints.PagesEndpoint;
import io.clickstream.query.endpoints.ProductsEndpoint;
import io.clickstream.query.endpoints.QueryContext;
import io.clickstream.query.endpoints.RetentionEndpoint;
import io.clickstream.query.endpoints.TimeseriesEndpoint;
import io.clickstream.query.endpoints.VisitorJourneyEndpoint;
import io.clickstream.query.openapi.OpenApiEndpoint;
import io.clickstream.query.read.Ranges;
import io.clickstream.query.read.RedisReader;
import io.clickstream.query.stream.LiveStream;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.util.Methods;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisPooled;

/**
 * The analysts' read API (DESIGN §5): metrics from the serving copy in Redis, live figures as
 * Server-Sent Events, per-visitor journeys relayed to the topology, and {@code /openapi.json}.
 * Every {@code /v1/apps/{appId}/…} request is authorised by {@link AppGuard} first.
 */
public final class QueryApiService implements AutoCloseable {
  private static final int WORKER_THREADS = 64;

  private final JedisPooled redis;
  private final HikariDataSource database;
  private final CompactedTopicView<AppConfig> apps;
  private final CompactedTopicView<FunnelDefinition> funnels;
  private final LiveStream liveStream;
  private final HttpService http;

  public QueryApiService(QueryApiSettings settings, Clock clock) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(WORKER_THREADS + 8);
    pool.setMaxIdle(WORKER_THREADS + 8);
    this.redis = new JedisPooled(pool, URI.create(settings.redisUrl()));
    this.database = dataSource(settings);
    AccessCache access = new AccessCache(new AccessRules(database), settings.accessCacheTtl());
    this.apps =
        new CompactedTopicView<>(
                settings.kafkaBootstrapServers(),
                Topics.CONFIG_APPS,
                bytes -> Json.read(bytes, AppConfig.class),
                "query-api-apps")
            // Visibility changes and deletions must not wait for the cache to expire.
            .addListener((appId, before, after) -> access.invalidateApp(appId));
    this.funnels =
        new CompactedTopicView<>(
            settings.kafkaBootstrapServers(),
            Topics.CONFIG_FUNNELS,
            bytes -> Json.read(bytes, FunnelDefinition.class),
            "query-api-funnels");
    AppGuard guard = new AppGuard(AccessTokens.verifier(settings.jwtKey(), clock), access);
    RedisReader reader = new RedisReader(redis, clock);
    QueryContext context = new QueryContext(guard, new Ranges(clock), reader);
    this.liveStream =
        new LiveStream(redis, guard, Duration.ofSeconds(1), settings.streamHeartbeat());
    PrometheusMeterRegistry registry = Metrics.newRegistry("query-api");
    HttpService.Builder builder =
        HttpService.builder("query-api", registry)
            .listen(settings.host(), settings.port())
            .workerThreads(WORKER_THREADS)
            .get("/openapi.json", new OpenApiEndpoint())
            .get("/v1/apps/{appId}/overview", new OverviewEndpoint(context))
            .get("/v1/apps/{appId}/timeseries", new TimeseriesEndpoint(context))
            .get("/v1/apps/{appId}/pages", new PagesEndpoint(context))
            .get("/v1/apps/{appId}/events", new EventsEndpoint(context))
            .get("/v1/apps/{appId}/engagement", new EngagementEndpoint(context))
            .get("/v1/apps/{appId}/live", new LiveEndpoint(context))
            .raw(Methods.GET, "/v1/apps/{appId}/stream", liveStream.handler())
            .get("/v1/apps/{appId}/funnels/{funnelId}", new FunnelEndpoint(context, funnels))
            .get("/v1/apps/{appId}/journeys", new JourneysEndpoint(context))
            .get("/v1/apps/{appId}/products/top", new ProductsEndpoint(context))
            .get("/v1/apps/{appId}/retention", new RetentionEndpoint(context))
            .get("/v1/apps/{appId}/activity", new ActivityEndpoint(context))
            .get(
                "/v1/apps/{appId}/visitors/{visitorId}/journey",
                new VisitorJourneyEndpoint(context, settings.topologyUrls()));
    for (Map.Entry<String, String> dimension : DimensionEndpoint.BY_PATH.entrySet()) {
      builder.get(
          "/v1/apps/{appId}/" + dimension.getKey(),
          new DimensionEndpoint(context, dimension.getValue()));
    }
    this.http =
        builder
            .readiness("redis", reader::ping)
            .readiness("database", this::databaseReachable)
            .readiness("config", () -> apps.isCaughtUp() && funnels.isCaughtUp())
            .build();
  }

  public QueryApiService start() {
    apps.start();
    funnels.start();
    liveStream.start();
    http.start();
    return this;
  }

  public String url() {
    return http.url();
  }

  public int port() {
    return http.port();
  }

  /** Open {@code /stream} connections of an app. */
  public int streamConnections(String appId) {
    return liveStream.connections(appId);
  }

  private static HikariDataSource dataSource(QueryApiSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.databaseUrl().jdbcUrl());
    config.setUsername(settings.databaseUrl().user());
    config.setPassword(settings.databaseUrl().password());
    config.setMaximumPoolSize(settings.databasePoolSize());
    config.setPoolName("query-api");
    config.setReadOnly(true);
    config.setConnectionTimeout(3_000);
    // Start even while PostgreSQL is down: requests get 503 until it is back.
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }

  private boolean databaseReachable() {
    try (Connection connection = database.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    liveStream.close(); // streams never end by themselves: close them before draining
    http.close();
    apps.close();
    funnels.close();
    database.close();
    redis.close();
  }
}
