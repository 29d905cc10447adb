package io.clickstream.query.endpoints;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clickstream.platform.http.JsonEndpoint;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.query.read.QueryRange;
import io.clickstream.query.read.RangeReads;
import io.undertow.server.HttpServerExchange;
import java.util.Map;

/** {@code /overview}: the range's headline figures (DESIGN §4). */
public final class OverviewEndpoint implements JsonEndpoint {
  private final QueryContext context;

  public OverviewEndpoint(QueryContext context) {
    this.context = context;
  }

  @Override
  public Overview handle(HttpServerExchange exchange) {
    String app = context.guard().requireReadable(exchange);
    QueryRange range = context.ranges().forTotals(exchange);
    RangeReads reads = context.reader().over(range, app);
    Map<String, Long> totals = reads.sum(RedisKeys::totals);
    long visitors = reads.union(RedisKeys::sketches, RedisKeys.VISITORS);
    long sessions = totals.getOrDefault(RedisKeys.SESSIONS, 0L);
    long pageviews = totals.getOrDefault(RedisKeys.PAGEVIEWS, 0L);
    return new Overview(
        visitors,
        sessions,
        pageviews,
        totals.getOrDefault(RedisKeys.EVENTS, 0L),
        Figures.rate(totals.getOrDefault(RedisKeys.BOUNCES, 0L), sessions),
        Figures.averageMillis(totals.getOrDefault(RedisKeys.DURATION_MS, 0L), sessions),
        Figures.average(pageviews, sessions));
  }

  /** The body of {@code /overview}. */
  public record Overview(
      long visitors,
      long sessions,
      long pageviews,
      long events,
      @JsonProperty("bounce_rate") double bounceRate,
      @JsonProperty("avg_session_duration_ms") long avgSessionDurationMs,
      @JsonProperty("pages_per_session") double pagesPerSession) {}
}
