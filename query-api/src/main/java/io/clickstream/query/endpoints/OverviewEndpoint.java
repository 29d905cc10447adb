package io.clickstream.query.endpoints;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clickstream.platform.http.JsonEndpoint;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.query.read.Bucket;
import io.clickstream.query.read.QueryRange;
import io.undertow.server.HttpServerExchange;
import java.util.List;
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
    List<Bucket> cover = context.reader().cover(range, app);
    Map<String, Long> totals =
        context
            .reader()
            .sumHashes(
                context.reader().keys(cover, b -> RedisKeys.totals(app, b.interval(), b.start())));
    long visitors =
        context
            .reader()
            .union(
                context.reader().keys(cover, b -> RedisKeys.sketches(app, b.interval(), b.start())),
                RedisKeys.VISITORS);
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
