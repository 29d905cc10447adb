package io.clickstream.query.read;

import io.clickstream.platform.http.ApiException;
import io.clickstream.platform.http.QueryParams;
import io.clickstream.platform.time.Interval;
import io.undertow.server.HttpServerExchange;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads {@code from}, {@code to} and {@code interval} (DESIGN §5) and checks them against what is
 * stored: a bucket size is usable only while its buckets for {@code from} are still kept (minute 2
 * days, hour 40 days, day 400 days); asking for more is a 400 that says so.
 */
public final class Ranges {
  /** An interval chosen for a time series gives at most this many points. */
  static final int AUTO_MAX_POINTS = 500;

  /** An explicit interval may ask for at most this many points. */
  static final int MAX_POINTS = 10_000;

  private final Clock clock;

  public Ranges(Clock clock) {
    this.clock = clock;
  }

  /**
   * A range for totals: without {@code interval}, the finest bucket size still kept for {@code
   * from}, so the edges are as exact as the stored data allows.
   */
  public QueryRange forTotals(HttpServerExchange exchange) {
    TimeRange range = parse(exchange);
    Instant now = clock.instant();
    Interval interval =
        explicitInterval(exchange).orElseGet(() -> finestKept(range, now, Long.MAX_VALUE));
    return checked(range, interval, now);
  }

  /** A range for a time series: without {@code interval}, at most 500 points. */
  public QueryRange forSeries(HttpServerExchange exchange) {
    TimeRange range = parse(exchange);
    Instant now = clock.instant();
    Interval interval =
        explicitInterval(exchange).orElseGet(() -> finestKept(range, now, AUTO_MAX_POINTS));
    QueryRange resolved = checked(range, interval, now);
    long points =
        (QueryRange.ceil(range.to().toEpochMilli(), interval) - resolved.start())
            / interval.millis();
    if (points > MAX_POINTS) {
      throw ApiException.badRequest(
          "The range holds "
              + points
              + " "
              + interval.key()
              + " buckets; at most "
              + MAX_POINTS
              + " points are returned. Use a coarser interval or a shorter range.");
    }
    return resolved;
  }

  /** The range alone, for figures kept per UTC day or not by time at all. */
  public TimeRange parse(HttpServerExchange exchange) {
    return TimeRange.parse(
        QueryParams.optional(exchange, "from"), QueryParams.optional(exchange, "to"), clock);
  }

  public Instant now() {
    return clock.instant();
  }

  private static Optional<Interval> explicitInterval(HttpServerExchange exchange) {
    return QueryParams.optional(exchange, "interval")
        .map(
            key ->
                Interval.fromKey(key)
                    .orElseThrow(
                        () ->
                            ApiException.badRequest(
                                "Parameter 'interval' must be minute, hour or day.")));
  }

  private static Interval finestKept(TimeRange range, Instant now, long maxPoints) {
    for (Interval interval : Interval.values()) {
      boolean kept = !range.from().isBefore(oldestKept(interval, now));
      long points = (range.to().toEpochMilli() - range.from().toEpochMilli()) / interval.millis();
      if (kept && points <= maxPoints) {
        return interval;
      }
    }
    return Interval.DAY;
  }

  /** The start of the oldest bucket of this size that is still kept. */
  private static Instant oldestKept(Interval interval, Instant now) {
    return Instant.ofEpochMilli(
        interval.bucketStart(now.minus(interval.retention()).toEpochMilli()));
  }

  private static QueryRange checked(TimeRange range, Interval interval, Instant now) {
    Instant oldestKept = oldestKept(interval, now);
    if (range.from().isBefore(oldestKept)) {
      String advice =
          interval == Interval.DAY
              ? "use a later 'from'."
              : "use a coarser interval or a later 'from'.";
      throw ApiException.badRequest(
          interval.key()
              + " buckets are kept for "
              + interval.retention().toDays()
              + " days (from "
              + oldestKept
              + " on); 'from' "
              + range.from()
              + " is older: "
              + advice);
    }
    return new QueryRange(range.from(), range.to(), interval, now);
  }
}
