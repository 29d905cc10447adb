package io.clickstream.query.endpoints;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.clickstream.platform.http.JsonEndpoint;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.query.read.QueryRange;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Map;

/** {@code /events}: events per type, custom events per name ({@code name} is null otherwise). */
public final class EventsEndpoint implements JsonEndpoint {
  private final QueryContext context;

  public EventsEndpoint(QueryContext context) {
    this.context = context;
  }

  @Override
  public Items<EventCount> handle(HttpServerExchange exchange) {
    String app = context.guard().requireReadable(exchange);
    QueryRange range = context.ranges().forTotals(exchange);
    int limit = Params.limit(exchange);
    Map<String, Long> counts = context.reader().over(range, app).sum(RedisKeys::eventTypes);
    List<EventCount> items =
        Ranking.top(counts, limit).stream()
            .map(
                field -> {
                  String[] parts = field.split(RedisKeys.FIELD_SEPARATOR, 2);
                  return new EventCount(
                      parts[0], parts.length > 1 ? parts[1] : null, counts.get(field));
                })
            .toList();
    return new Items<>(items);
  }

  /** Events of one type (and custom name). */
  public record EventCount(
      String type, @JsonInclude(JsonInclude.Include.ALWAYS) String name, long count) {}
}
