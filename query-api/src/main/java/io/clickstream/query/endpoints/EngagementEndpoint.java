package io.clickstream.query.endpoints;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clickstream.platform.http.JsonEndpoint;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.time.Interval;
import io.clickstream.query.read.Bucket;
import io.clickstream.query.read.QueryRange;
import io.clickstream.query.read.RangeReads;
import io.clickstream.query.read.RedisReader;
import io.undertow.server.HttpServerExchange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /engagement}: DAU, WAU and MAU are the distinct visitors of the UTC day holding the
 * range's last instant ({@code to} − 1 ms) and of the 7 and 30 days ending with it; stickiness =
 * DAU / MAU. Clicks and mean hover dwell per path and target are over the range.
 */
public final class EngagementEndpoint implements JsonEndpoint {
  private final QueryContext context;

  public EngagementEndpoint(QueryContext context) {
    this.context = context;
  }

  @Override
  public Engagement handle(HttpServerExchange exchange) {
    String app = context.guard().requireReadable(exchange);
    QueryRange range = context.ranges().forTotals(exchange);
    int limit = Params.limit(exchange);
    RedisReader reader = context.reader();
    long lastDay = range.lastDayStart();
    long dau = reader.union(days(reader, app, lastDay, 1), RedisKeys.VISITORS);
    long wau = reader.union(days(reader, app, lastDay, 7), RedisKeys.VISITORS);
    long mau = reader.union(days(reader, app, lastDay, 30), RedisKeys.VISITORS);

    RangeReads reads = reader.over(range, app);
    Map<String, Long> clicks = reads.sum(RedisKeys::clicks);
    Map<String, Long> hoverMs = reads.sum(RedisKeys::hoverMs);
    Map<String, Long> hoverCount = reads.sum(RedisKeys::hoverCount);
    Set<String> targets = new HashSet<>(clicks.keySet());
    targets.addAll(hoverCount.keySet());
    List<Target> items = new ArrayList<>();
    for (String field : targets) {
      String[] parts = field.split(RedisKeys.FIELD_SEPARATOR, 2);
      long hovers = hoverCount.getOrDefault(field, 0L);
      items.add(
          new Target(
              parts[0],
              parts.length > 1 ? parts[1] : "",
              clicks.getOrDefault(field, 0L),
              hovers == 0 ? null : Figures.averageMillis(hoverMs.getOrDefault(field, 0L), hovers)));
    }
    return new Engagement(
        dau,
        wau,
        mau,
        Figures.rate(dau, mau),
        Ranking.top(
            items, Target::clicks, t -> t.path() + RedisKeys.FIELD_SEPARATOR + t.target(), limit));
  }

  private static RedisReader.BucketKeys days(
      RedisReader reader, String app, long lastDay, int count) {
    List<Bucket> days = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      days.add(new Bucket(Interval.DAY, lastDay - i * Interval.DAY.millis()));
    }
    return reader.keys(days, b -> RedisKeys.sketches(app, b.interval(), b.start()));
  }

  /** The body of {@code /engagement}. */
  public record Engagement(long dau, long wau, long mau, double stickiness, List<Target> clicks) {}

  /** Clicks on one target of one path, and its mean hover dwell (null without hovers). */
  public record Target(
      String path,
      String target,
      long clicks,
      @JsonProperty("avg_hover_ms") @JsonInclude(JsonInclude.Include.ALWAYS) Long avgHoverMs) {}
}
