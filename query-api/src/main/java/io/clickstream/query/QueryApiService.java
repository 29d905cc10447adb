package io.clickstream.query;

import io.clickstream.platform.http.ApiException;
import io.clickstream.platform.http.HttpService;
import io.clickstream.platform.http.QueryParams;
import io.clickstream.platform.metrics.Metrics;
import io.undertow.server.HttpServerExchange;
import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import redis.clients.jedis.JedisPooled;

/** The analysts' read API over the serving copy in Redis (DESIGN §5). */
public final class QueryApiService implements AutoCloseable {
  private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final JedisPooled redis;
  private final MetricsReader reader;
  private final Clock clock;
  private final HttpService http;

  public QueryApiService(String host, int port, String redisUrl, Clock clock) {
    this.redis = new JedisPooled(URI.create(redisUrl));
    this.reader = new MetricsReader(redis);
    this.clock = clock;
    this.http =
        HttpService.builder("query-api", Metrics.newRegistry("query-api"))
            .listen(host, port)
            .get("/v1/apps/{appId}/pages", this::pages)
            .readiness("redis", reader::ping)
            .build();
  }

  public QueryApiService start() {
    http.start();
    return this;
  }

  public String url() {
    return http.url();
  }

  public int port() {
    return http.port();
  }

  private Map<String, Object> pages(HttpServerExchange exchange) {
    String appId = appId(exchange);
    TimeRange range =
        TimeRange.parse(
            QueryParams.optional(exchange, "from"), QueryParams.optional(exchange, "to"), clock);
    int limit = QueryParams.intValue(exchange, "limit", 100, 1, 1000);
    List<Map<String, Object>> items =
        reader.pageviewsByPath(appId, range).entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(limit)
            .map(
                entry -> {
                  Map<String, Object> item = new LinkedHashMap<>();
                  item.put("path", entry.getKey());
                  item.put("pageviews", entry.getValue());
                  return item;
                })
            .toList();
    return Map.of("items", items);
  }

  private static String appId(HttpServerExchange exchange) {
    String appId = QueryParams.required(exchange, "appId");
    if (!APP_ID.matcher(appId).matches()) {
      throw ApiException.notFound("No app " + appId + ".");
    }
    return appId;
  }

  @Override
  public void close() {
    http.close();
    redis.close();
  }
}
