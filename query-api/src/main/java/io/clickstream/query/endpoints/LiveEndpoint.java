package io.clickstream.query.endpoints;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clickstream.platform.http.JsonEndpoint;
import io.clickstream.platform.redis.RedisKeys;
import io.undertow.server.HttpServerExchange;
import java.util.Map;
import redis.clients.jedis.JedisPooled;

/** {@code /live}: visitors active in the last 5 minutes and events in the last minute. */
public final class LiveEndpoint implements JsonEndpoint {
  private final QueryContext context;

  public LiveEndpoint(QueryContext context) {
    this.context = context;
  }

  @Override
  public Live handle(HttpServerExchange exchange) {
    return read(context.reader().redis(), context.guard().requireReadable(exchange));
  }

  /** The live figures the topology mirrors (zeros before it wrote any). */
  public static Live read(JedisPooled redis, String appId) {
    Map<String, String> hash = redis.hgetAll(RedisKeys.live(appId));
    return new Live(
        Long.parseLong(hash.getOrDefault("active_visitors", "0")),
        Long.parseLong(hash.getOrDefault("events_last_minute", "0")));
  }

  /** The body of {@code /live} and of each {@code metrics} event of {@code /stream}. */
  public record Live(
      @JsonProperty("active_visitors") long activeVisitors,
      @JsonProperty("events_last_minute") long eventsLastMinute) {}
}
