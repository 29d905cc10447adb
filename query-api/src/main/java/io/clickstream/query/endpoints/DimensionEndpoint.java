package io.clickstream.query.endpoints;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.clickstream.platform.http.JsonEndpoint;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.query.read.QueryRange;
import io.clickstream.query.read.RangeReads;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Map;

/**
 * {@code /referrers}, {@code /campaigns}, {@code /browsers}, {@code /os}, {@code /devices}:
 * sessions and distinct visitors per key of one session dimension ({@code
 * ?order=sessions|visitors}).
 */
public final class DimensionEndpoint implements JsonEndpoint {
  /** The dimensions, by the path that serves them. */
  public static final Map<String, String> BY_PATH =
      Map.of(
          "referrers", "referrer",
          "campaigns", "campaign",
          "browsers", "browser",
          "os", "os",
          "devices", "device");

  static final List<String> ORDERS = List.of("sessions", "visitors");

  private final QueryContext context;
  private final String dimension;

  public DimensionEndpoint(QueryContext context, String dimension) {
    this.context = context;
    this.dimension = dimension;
  }

  @Override
  public Items<Row> handle(HttpServerExchange exchange) {
    String app = context.guard().requireReadable(exchange);
    QueryRange range = context.ranges().forTotals(exchange);
    int limit = Params.limit(exchange);
    String order = Params.oneOf(exchange, "order", ORDERS);
    RangeReads reads = context.reader().over(range, app);
    Map<String, Long> sessions =
        reads.sum(
            (a, interval, start) -> RedisKeys.dimensionSessions(a, interval, start, dimension));
    List<String> keys =
        order.equals("sessions") ? Ranking.top(sessions, limit) : List.copyOf(sessions.keySet());
    Map<String, Long> visitors =
        reads.union(
            (a, interval, start) -> RedisKeys.dimensionSketches(a, interval, start, dimension),
            keys);
    List<Row> rows =
        keys.stream()
            .map(key -> row(key, sessions.get(key), visitors.getOrDefault(key, 0L)))
            .toList();
    return new Items<>(
        order.equals("visitors") ? Ranking.top(rows, Row::visitors, Row::key, limit) : rows);
  }

  private Row row(String key, long sessions, long visitors) {
    if (!dimension.equals("campaign")) {
      return new Row(key, sessions, visitors, null, null, null);
    }
    // Campaign keys are source/medium/campaign with empty missing parts (DESIGN §4).
    String[] parts = key.split("/", 3);
    return new Row(
        key,
        sessions,
        visitors,
        parts[0],
        parts.length > 1 ? parts[1] : "",
        parts.length > 2 ? parts[2] : "");
  }

  /** One key's figures; campaigns also carry their parts. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Row(
      String key, long sessions, long visitors, String source, String medium, String campaign) {}
}
