package io.clickstream.query.endpoints;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Json;
import io.clickstream.platform.http.ApiException;
import io.clickstream.platform.http.JsonEndpoint;
import io.clickstream.platform.http.QueryParams;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.query.read.TimeRange;
import io.undertow.server.HttpServerExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.resps.Tuple;

/**
 * {@code /activity?type=&name=&limit=&before=}: the app's newest events, newest first. {@code
 * before} is the {@code next_before} of the previous page (a feed score, exclusive); {@code
 * from}/{@code to} narrow the feed by arrival time only when given. Filters scan the feed (at most
 * 10,000 events) page by page.
 */
public final class ActivityEndpoint implements JsonEndpoint {
  private static final int SCAN_PAGE = 500;

  private final QueryContext context;

  public ActivityEndpoint(QueryContext context) {
    this.context = context;
  }

  @Override
  public Feed handle(HttpServerExchange exchange) {
    String app = context.guard().requireReadable(exchange);
    int limit = Params.limit(exchange);
    Optional<String> type = QueryParams.optional(exchange, "type");
    Optional<String> name = QueryParams.optional(exchange, "name");
    String max = "+inf";
    String min = "-inf";
    if (QueryParams.optional(exchange, "from").isPresent()
        || QueryParams.optional(exchange, "to").isPresent()) {
      TimeRange range = context.ranges().parse(exchange);
      min = String.valueOf(range.from().toEpochMilli() * 1000);
      max = "(" + range.to().toEpochMilli() * 1000;
    }
    Optional<String> before = QueryParams.optional(exchange, "before");
    if (before.isPresent()) {
      long cursor = cursor(before.get());
      if (max.equals("+inf") || cursor < Long.parseLong(max.substring(1))) {
        max = "(" + cursor;
      }
    }
    // One match more than asked tells whether there is a next page.
    List<JsonNode> items = new ArrayList<>();
    List<Long> scores = new ArrayList<>();
    String key = RedisKeys.activity(app);
    for (int offset = 0; items.size() <= limit; offset += SCAN_PAGE) {
      List<Tuple> page =
          context.reader().redis().zrevrangeByScoreWithScores(key, max, min, offset, SCAN_PAGE);
      for (Tuple entry : page) {
        JsonNode event = Json.readTree(entry.getElement());
        if (matches(event, "type", type) && matches(event, "name", name)) {
          items.add(event);
          scores.add((long) entry.getScore());
          if (items.size() > limit) {
            break;
          }
        }
      }
      if (page.size() < SCAN_PAGE) {
        break;
      }
    }
    boolean more = items.size() > limit;
    if (more) {
      items = items.subList(0, limit);
    }
    return new Feed(items, more ? scores.get(limit - 1) : null);
  }

  private static boolean matches(JsonNode event, String field, Optional<String> wanted) {
    return wanted.isEmpty() || wanted.get().equals(event.path(field).asText(null));
  }

  private static long cursor(String raw) {
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Parameter 'before' must be a next_before value.");
    }
  }

  /** A page of the feed; {@code next_before} is null on the last page. */
  public record Feed(
      List<JsonNode> items,
      @JsonProperty("next_before") @JsonInclude(JsonInclude.Include.ALWAYS) Long nextBefore) {}
}
