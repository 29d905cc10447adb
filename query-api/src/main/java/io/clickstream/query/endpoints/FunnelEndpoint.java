package io.clickstream.query.endpoints;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clickstream.model.config.ConfigKeys;
import io.clickstream.model.config.FunnelDefinition;
import io.clickstream.platform.http.ApiException;
import io.clickstream.platform.http.JsonEndpoint;
import io.clickstream.platform.http.PathParams;
import io.clickstream.platform.kafka.CompactedTopicView;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.time.Interval;
import io.clickstream.query.read.TimeRange;
import io.undertow.server.HttpServerExchange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * {@code /funnels/{funnelId}}: attempts per step over the UTC days the range touches (funnels are
 * counted by the day an attempt started), with conversion, drop-off and the median time from step 1
 * (merged KLL sketches). The definition — name, step labels — comes from {@code
 * clickstream.config.funnels}; a deleted or unknown funnel is a 404.
 */
public final class FunnelEndpoint implements JsonEndpoint {
  private static final long DAY = Interval.DAY.millis();

  private final QueryContext context;
  private final CompactedTopicView<FunnelDefinition> definitions;

  public FunnelEndpoint(QueryContext context, CompactedTopicView<FunnelDefinition> definitions) {
    this.context = context;
    this.definitions = definitions;
  }

  @Override
  public Funnel handle(HttpServerExchange exchange) {
    String app = context.guard().requireReadable(exchange);
    String funnelId = PathParams.text(exchange, "funnelId");
    FunnelDefinition definition =
        definitions
            .get(ConfigKeys.funnel(app, funnelId))
            .orElseThrow(() -> ApiException.notFound("No funnel " + funnelId + "."));
    TimeRange range = context.ranges().parse(exchange);
    List<Long> days = new ArrayList<>();
    for (long day = Interval.DAY.bucketStart(range.from().toEpochMilli());
        day < range.to().toEpochMilli();
        day += DAY) {
      days.add(day);
    }
    if (days.size() > Interval.DAY.retention().toDays()) {
      throw ApiException.badRequest("Funnels are kept for 400 days; shorten the range.");
    }
    int stepCount = definition.steps().size();
    long[] counts = new long[stepCount + 1];
    List<KllDoublesSketch> times = new ArrayList<>();
    for (int i = 0; i <= stepCount; i++) {
      times.add(KllDoublesSketch.newHeapInstance());
    }
    read(app, funnelId, days, counts, times);

    List<Step> steps = new ArrayList<>(stepCount);
    for (int index = 1; index <= stepCount; index++) {
      long count = counts[index];
      long previous = index == 1 ? count : counts[index - 1];
      KllDoublesSketch sketch = times.get(index);
      steps.add(
          new Step(
              index,
              label(definition.steps().get(index - 1)),
              count,
              Figures.rate(count, counts[1]),
              Figures.rate(count, previous),
              index == 1 ? 0 : previous - count,
              index == 1 || sketch.isEmpty() ? null : Math.round(sketch.getQuantile(0.5))));
    }
    return new Funnel(funnelId, definition.name(), steps);
  }

  private void read(
      String app, String funnelId, List<Long> days, long[] counts, List<KllDoublesSketch> times) {
    List<Response<Map<String, String>>> countReplies = new ArrayList<>();
    List<Response<Map<byte[], byte[]>>> timeReplies = new ArrayList<>();
    try (Pipeline pipeline = context.reader().redis().pipelined()) {
      for (long day : days) {
        countReplies.add(pipeline.hgetAll(RedisKeys.funnelCounts(app, funnelId, day)));
        timeReplies.add(
            pipeline.hgetAll(
                RedisKeys.funnelTimes(app, funnelId, day).getBytes(StandardCharsets.UTF_8)));
      }
      pipeline.sync();
    }
    for (Response<Map<String, String>> reply : countReplies) {
      reply
          .get()
          .forEach(
              (step, count) -> {
                int index = Integer.parseInt(step);
                if (index >= 1 && index < counts.length) {
                  counts[index] += Long.parseLong(count);
                }
              });
    }
    Map<Integer, KllDoublesSketch> byStep = new HashMap<>();
    for (Response<Map<byte[], byte[]>> reply : timeReplies) {
      reply
          .get()
          .forEach(
              (step, sketch) -> {
                int index = Integer.parseInt(new String(step, StandardCharsets.US_ASCII));
                if (index >= 2 && index < counts.length) {
                  times.get(index).merge(KllDoublesSketch.heapify(Memory.wrap(sketch)));
                }
              });
    }
  }

  private static String label(FunnelDefinition.FunnelStep step) {
    if (step.label() != null && !step.label().isBlank()) {
      return step.label();
    }
    FunnelDefinition.StepMatch match = step.match();
    String detail =
        match == null
            ? null
            : match.path() != null
                ? match.path()
                : match.target() != null
                    ? match.target()
                    : match.name() != null ? match.name() : match.productId();
    return detail == null ? step.type() : step.type() + " " + detail;
  }

  /** The body of {@code /funnels/{funnelId}}. */
  public record Funnel(@JsonProperty("funnel_id") String funnelId, String name, List<Step> steps) {}

  /** One step's figures; the median is null for step 1 and for a step nobody reached. */
  public record Step(
      int index,
      String label,
      long count,
      @JsonProperty("conversion_rate") double conversionRate,
      @JsonProperty("step_conversion_rate") double stepConversionRate,
      @JsonProperty("drop_off") long dropOff,
      @JsonProperty("median_time_to_convert_ms") @JsonInclude(JsonInclude.Include.ALWAYS)
          Long medianTimeToConvertMs) {}
}
