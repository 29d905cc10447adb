package io.clickstream.topology.funnel;

import io.clickstream.model.Event;
import io.clickstream.model.config.FunnelDefinition;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.time.Interval;
import io.clickstream.topology.aggregate.ServingCount;
import io.clickstream.topology.aggregate.ServingSample;
import io.clickstream.topology.aggregate.StageRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Funnels in stage 1 (DESIGN §4), per visitor. The definitions come from {@link FunnelDefinitions};
 * a version applies to events received at or after its {@code published_at}. An attempt starts at a
 * step-1 event when the visitor has no open attempt of the funnel's current version, stays open
 * {@code window_ms} from it, and reaches step k at the first step-k event after its step k−1, in
 * event time. Each step reached sends stage 2 one attempt for that step (by the UTC day the attempt
 * started) and, from step 2 on, its time since step 1 for the quantile sketch.
 */
public final class FunnelTracker {
  public static final String ATTEMPTS_STORE = "funnel-attempts-store";

  /**
   * How long an expired attempt is kept: a late event may still fall inside its window until the
   * stream has moved past it by the longest session gap plus grace (older events are refused).
   */
  public static final Duration KEEP_EXPIRED = Duration.ofHours(25);

  static final Duration SWEEP_INTERVAL = Duration.ofMinutes(5);
  private static final String SEP = RedisKeys.FIELD_SEPARATOR;

  private final ProcessorContext<String, StageRecord> context;
  private final FunnelDefinitions.Reader definitions;
  private final KeyValueStore<String, FunnelAttempt> attempts;

  public FunnelTracker(
      ProcessorContext<String, StageRecord> context, FunnelDefinitions funnelDefinitions) {
    this.context = context;
    this.definitions = funnelDefinitions.reader(context);
    this.attempts = context.getStateStore(ATTEMPTS_STORE);
    context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweep());
  }

  /** Advances or starts the visitor's attempts at the app's funnels with one accepted event. */
  public void track(String visitorKey, Event event, String path) {
    for (FunnelDefinitions.Funnel funnel : definitions.of(event.appId())) {
      if (event.receivedAt() >= funnel.definition().publishedAt()) {
        track(visitorKey, event, path, funnel.definition(), funnel.steps());
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

  /**
   * Drops attempts that can no longer change: long expired, or of a funnel version that is no
   * longer current (changed or deleted).
   */
  private void sweep() {
    long horizon = context.currentStreamTimeMs() - KEEP_EXPIRED.toMillis();
    List<String> done = new ArrayList<>();
    try (KeyValueIterator<String, FunnelAttempt> it = attempts.all()) {
      while (it.hasNext()) {
        KeyValue<String, FunnelAttempt> entry = it.next();
        int split = entry.key.lastIndexOf(SEP);
        String visitorKey = entry.key.substring(0, split);
        String app = visitorKey.substring(0, visitorKey.indexOf(':'));
        Long current = definitions.currentVersion(app, entry.key.substring(split + 1));
        if (entry.value.expires() < horizon
            || current == null
            || entry.value.version() != current) {
          done.add(entry.key);
        }
      }
    }
    done.forEach(attempts::delete);
  }
}
