package io.clickstream.query.endpoints;

import io.clickstream.platform.http.JsonEndpoint;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.time.Interval;
import io.clickstream.query.read.QueryRange;
import io.undertow.server.HttpServerExchange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /timeseries?metric=pageviews|visitors|sessions|events}: one point per bucket of the
 * interval, zeros included. Visitors are the distinct visitors of each bucket alone.
 */
public final class TimeseriesEndpoint implements JsonEndpoint {
  static final List<String> METRICS = List.of("pageviews", "visitors", "sessions", "events");

  private final QueryContext context;

  public TimeseriesEndpoint(QueryContext context) {
    this.context = context;
  }

  @Override
  public Series handle(HttpServerExchange exchange) {
    String app = context.guard().requireReadable(exchange);
    String metric = Params.oneOf(exchange, "metric", METRICS);
    QueryRange range = context.ranges().forSeries(exchange);
    Interval interval = range.interval();
    List<Long> starts = range.bucketStarts();
    List<Long> values;
    if (metric.equals("visitors")) {
      values =
          context
              .reader()
              .estimates(
                  starts.stream().map(s -> RedisKeys.sketches(app, interval, s)).toList(),
                  RedisKeys.VISITORS);
    } else {
      values =
          context
              .reader()
              .fieldOfEach(
                  starts.stream().map(s -> RedisKeys.totals(app, interval, s)).toList(), metric);
    }
    List<Point> points = new ArrayList<>(starts.size());
    for (int i = 0; i < starts.size(); i++) {
      points.add(new Point(Instant.ofEpochMilli(starts.get(i)).toString(), values.get(i)));
    }
    return new Series(interval.key(), points);
  }

  /** The body of {@code /timeseries}. */
  public record Series(String interval, List<Point> points) {}

  /** One bucket: its start (ISO-8601 instant) and value. */
  public record Point(String t, long value) {}
}
