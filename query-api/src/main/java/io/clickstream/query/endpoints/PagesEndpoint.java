package io.clickstream.query.endpoints;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clickstream.platform.http.JsonEndpoint;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.query.read.QueryRange;
import io.clickstream.query.read.RangeReads;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Map;

/**
 * {@code /pages?order=pageviews|visitors|avg_time_on_page_ms}: pageviews, distinct visitors and
 * mean time on page per path. Visitors are unioned only for the paths returned, unless the list is
 * ordered by them.
 */
public final class PagesEndpoint implements JsonEndpoint {
  static final List<String> ORDERS = List.of("pageviews", "visitors", "avg_time_on_page_ms");

  private final QueryContext context;

  public PagesEndpoint(QueryContext context) {
    this.context = context;
  }

  @Override
  public Items<Page> handle(HttpServerExchange exchange) {
    String app = context.guard().requireReadable(exchange);
    QueryRange range = context.ranges().forTotals(exchange);
    int limit = Params.limit(exchange);
    String order = Params.oneOf(exchange, "order", ORDERS);
    RangeReads reads = context.reader().over(range, app);
    Map<String, Long> pageviews = reads.sum(RedisKeys::pagePageviews);
    Map<String, Long> timeMs = reads.sum(RedisKeys::pageTimeMs);
    Map<String, Long> timeCount = reads.sum(RedisKeys::pageTimeCount);
    List<String> paths =
        order.equals("pageviews") ? Ranking.top(pageviews, limit) : List.copyOf(pageviews.keySet());
    Map<String, Long> visitors = reads.union(RedisKeys::pageSketches, paths);
    List<Page> pages =
        paths.stream()
            .map(
                path ->
                    new Page(
                        path,
                        pageviews.get(path),
                        visitors.getOrDefault(path, 0L),
                        Figures.averageMillis(
                            timeMs.getOrDefault(path, 0L), timeCount.getOrDefault(path, 0L))))
            .toList();
    return new Items<>(
        switch (order) {
          case "visitors" -> Ranking.top(pages, Page::visitors, Page::path, limit);
          case "avg_time_on_page_ms" ->
              Ranking.top(pages, Page::avgTimeOnPageMs, Page::path, limit);
          default -> pages;
        });
  }

  /** One path's figures. */
  public record Page(
      String path,
      long pageviews,
      long visitors,
      @JsonProperty("avg_time_on_page_ms") long avgTimeOnPageMs) {}
}
