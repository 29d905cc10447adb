package io.clickstream.query.endpoints;

import io.clickstream.platform.http.JsonEndpoint;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.query.read.QueryRange;
import io.clickstream.query.read.RangeReads;
import io.undertow.server.HttpServerExchange;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code /journeys}: transitions between consecutive pageview paths (with {@code (entry)} and
 * {@code (exit)}) and the most common first-three-page sequences, of the sessions that started in
 * the range; {@code limit} applies to each list.
 */
public final class JourneysEndpoint implements JsonEndpoint {
  private final QueryContext context;

  public JourneysEndpoint(QueryContext context) {
    this.context = context;
  }

  @Override
  public Journeys handle(HttpServerExchange exchange) {
    String app = context.guard().requireReadable(exchange);
    QueryRange range = context.ranges().forTotals(exchange);
    int limit = Params.limit(exchange);
    RangeReads reads = context.reader().over(range, app);
    Map<String, Long> transitions = reads.sum(RedisKeys::journeyTransitions);
    Map<String, Long> topPaths = reads.sum(RedisKeys::journeyTopPaths);
    return new Journeys(
        Ranking.top(transitions, limit).stream()
            .map(
                field -> {
                  String[] parts = field.split(RedisKeys.FIELD_SEPARATOR, 2);
                  return new Transition(parts[0], parts[1], transitions.get(field));
                })
            .toList(),
        Ranking.top(topPaths, limit).stream()
            .map(
                field ->
                    new PathSequence(
                        Arrays.asList(field.split(RedisKeys.FIELD_SEPARATOR)), topPaths.get(field)))
            .toList());
  }

  /** The body of {@code /journeys}. */
  public record Journeys(
      List<Transition> transitions,
      @com.fasterxml.jackson.annotation.JsonProperty("top_paths") List<PathSequence> topPaths) {}

  /** Sessions that went from one path to the next. */
  public record Transition(String from, String to, long count) {}

  /** Sessions whose first pages were these (fewer than three when they saw fewer). */
  public record PathSequence(List<String> pages, long sessions) {}
}
