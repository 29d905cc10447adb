package io.clickstream.topology.funnel;

import io.clickstream.model.Event;
import io.clickstream.model.config.ConfigKeys;
import io.clickstream.model.config.FunnelDefinition;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.time.Interval;
import io.clickstream.topology.BoundedLruMap;
import io.clickstream.topology.aggregate.ServingCount;
import io.clickstream.topology.aggregate.ServingSample;
import io.clickstream.topology.aggregate.StageRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Funnels in stage 1 (DESIGN §4), per visitor. The definitions come from the funnel GlobalKTable; a
 * version applies to events received at or after its {@code published_at}. An attempt starts at a
 * step-1 event when the visitor has no open attempt of the funnel's current version, stays open
 * {@code window_ms} from it, and reaches step k at the first step-k event after its step k−1, in
 * event time. Each step reached sends stage 2 one attempt for that step (by the UTC day the attempt
 * started) and, from step 2 on, its time since step 1 for the quantile sketch.
 */
public final class FunnelTracker {
  /** The GlobalKTable of {@code clickstream.config.funnels}. */
  public static final String DEFINITIONS_STORE = "funnel-config-store";

  public static final String ATTEMPTS_STORE = "funnel-attempts-store";

  /**
   * How long an expired attempt is kept: a late event may still fall inside its window until the
   * stream has moved past it by the longest session gap plus grace (older events are refused).
   */
  public static final Duration KEEP_EXPIRED = Duration.ofHours(25);

  static final Duration SWEEP_INTERVAL = Duration.ofMinutes(5);
  private static final String SEP = RedisKeys.FIELD_SEPARATOR;
  private static final StringSerializer KEYS = new StringSerializer();
  private static final int MAX_COMPILED = 1_000;

  private final ProcessorContext<String, StageRecord> context;
  private final KeyValueStore<String, ValueAndTimestamp<FunnelDefinition>> definitions;
  private final KeyValueStore<String, FunnelAttempt> attempts;
  private final Map<String, FunnelSteps> compiled = new BoundedLruMap<>(MAX_COMPILED);

  public FunnelTracker(ProcessorContext<String, StageRecord> context, String definitionsStore) {
    this.context = context;
    this.definitions = context.getStateStore(definitionsStore);
    this.attempts = context.getStateStore(ATTEMPTS_STORE);
    context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweep());
  }

  /** Advances or starts the visitor's attempts at the app's funnels with one accepted event. */
  public void track(String visitorKey, Event event, String path) {
    try (KeyValueIterator<String, ValueAndTimestamp<FunnelDefinition>> it =
        definitions.prefixScan(ConfigKeys.funnel(event.appId(), ""), KEYS)) {
      while (it.hasNext()) {
        KeyValue<String, ValueAndTimestamp<FunnelDefinition>> entry = it.next();
        FunnelDefinition funnel = entry.value == null ? null : entry.value.value();
        if (funnel != null
            && event.appId().equals(funnel.appId())
            && event.receivedAt() >= funnel.publishedAt()) {
          track(visitorKey, event, path, funnel, steps(entry.key, funnel));
        }
      }
    }
  }

  private void track(
      String visitorKey, Event event, String path, FunnelDefinition funnel, FunnelSteps steps) {
    if (!steps.matchesAny(event, path)) {
      return;
    }
    String key = visitorKey + SEP + funnel.funnelId();
    FunnelAttempt attempt = attempts.get(key);
    long ts = event.ts();
    if (attempt != null && attempt.version() == funnel.publishedAt() && ts <= attempt.expires()) {
      int next = attempt.reached() + 1;
      if (ts >= attempt.last() && steps.matches(next, event, path)) {
        attempts.put(key, attempt.advance(ts));
        reached(funnel, attempt.start(), next, ts);
      }
      return;
    }
    if (steps.matches(1, event, path)) {
      long expires = ts + Math.max(0, funnel.windowMs());
      attempts.put(key, new FunnelAttempt(funnel.publishedAt(), ts, 1, ts, expires));
      reached(funnel, ts, 1, ts);
    }
  }

  private void reached(FunnelDefinition funnel, long start, int step, long ts) {
    String app = funnel.appId();
    long day = Interval.DAY.bucketStart(start);
    String field = Integer.toString(step);
    forward(
        app,
        new ServingCount(app, RedisKeys.funnelCounts(app, funnel.funnelId(), day), field, day, 1),
        ts);
    if (step > 1) {
      forward(
          app,
          new ServingSample(
              app,
              RedisKeys.funnelTimes(app, funnel.funnelId(), day),
              field,
              day,
              List.of((double) (ts - start))),
          ts);
    }
  }

  private void forward(String app, StageRecord value, long ts) {
    context.forward(new Record<>(app, value, ts));
  }

  private FunnelSteps steps(String configKey, FunnelDefinition funnel) {
    return compiled.computeIfAbsent(
        configKey + SEP + funnel.publishedAt(), k -> new FunnelSteps(funnel));
  }

  /**
   * Drops attempts that can no longer change: long expired, or of a funnel version that is no
   * longer current (changed or deleted).
   */
  private void sweep() {
    long horizon = context.currentStreamTimeMs() - KEEP_EXPIRED.toMillis();
    Map<String, Long> versions = new HashMap<>();
    List<String> done = new ArrayList<>();
    try (KeyValueIterator<String, FunnelAttempt> it = attempts.all()) {
      while (it.hasNext()) {
        KeyValue<String, FunnelAttempt> entry = it.next();
        int split = entry.key.lastIndexOf(SEP);
        String visitorKey = entry.key.substring(0, split);
        String app = visitorKey.substring(0, visitorKey.indexOf(':'));
        String configKey = ConfigKeys.funnel(app, entry.key.substring(split + 1));
        long current = versions.computeIfAbsent(configKey, this::currentVersion);
        if (entry.value.expires() < horizon || entry.value.version() != current) {
          done.add(entry.key);
        }
      }
    }
    done.forEach(attempts::delete);
  }

  private long currentVersion(String configKey) {
    ValueAndTimestamp<FunnelDefinition> funnel = definitions.get(configKey);
    return funnel == null || funnel.value() == null ? Long.MIN_VALUE : funnel.value().publishedAt();
  }
}
