package io.clickstream.topology.live;

import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.topology.aggregate.StageRecord;
import io.clickstream.topology.aggregate.StageRecord.LiveFigures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The live figures of DESIGN §4 for this task's share of visitors, by arrival (wall-clock) time:
 * visitors with an event in the last 5 minutes and events in the last minute. Every second it sends
 * each app's figures (absolute, so stage 2 just keeps the latest per partition).
 */
public final class LiveTracker {
  public static final String VISITORS_STORE = "live-visitors-store";
  public static final String EVENTS_STORE = "live-events-store";
  public static final Duration ACTIVE_WINDOW = Duration.ofMinutes(5);
  public static final Duration EVENTS_WINDOW = Duration.ofMinutes(1);
  public static final Duration REPORT_INTERVAL = Duration.ofSeconds(1);
  private static final String SEP = RedisKeys.FIELD_SEPARATOR;

  private final ProcessorContext<String, StageRecord> context;
  private final KeyValueStore<String, Long> lastSeen;
  private final KeyValueStore<String, Long> eventsPerSecond;

  /** Apps reported non-zero last time, so that they get their zero once they go quiet. */
  private Set<String> reported = new HashSet<>();

  public LiveTracker(ProcessorContext<String, StageRecord> context) {
    this.context = context;
    this.lastSeen = context.getStateStore(VISITORS_STORE);
    this.eventsPerSecond = context.getStateStore(EVENTS_STORE);
    context.schedule(REPORT_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::report);
  }

  public void seen(String app, String visitor) {
    long now = context.currentSystemTimeMs();
    lastSeen.put(app + SEP + visitor, now);
    String second = app + SEP + (now / 1000);
    Long count = eventsPerSecond.get(second);
    eventsPerSecond.put(second, count == null ? 1 : count + 1);
  }

  private void report(long now) {
    Map<String, long[]> figures = new HashMap<>();
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, Long> it = lastSeen.all()) {
      while (it.hasNext()) {
        KeyValue<String, Long> entry = it.next();
        if (entry.value < now - ACTIVE_WINDOW.toMillis()) {
          expired.add(entry.key);
        } else {
          figures.computeIfAbsent(appOf(entry.key), app -> new long[2])[0]++;
        }
      }
    }
    expired.forEach(lastSeen::delete);
    expired.clear();
    long firstSecond = (now - EVENTS_WINDOW.toMillis()) / 1000;
    try (KeyValueIterator<String, Long> it = eventsPerSecond.all()) {
      while (it.hasNext()) {
        KeyValue<String, Long> entry = it.next();
        long second = Long.parseLong(entry.key.substring(entry.key.lastIndexOf(SEP) + 1));
        if (second <= firstSecond) {
          expired.add(entry.key);
        } else {
          figures.computeIfAbsent(appOf(entry.key), app -> new long[2])[1] += entry.value;
        }
      }
    }
    expired.forEach(eventsPerSecond::delete);

    int partition = context.taskId().partition();
    Set<String> quiet = new HashSet<>(reported);
    quiet.removeAll(figures.keySet());
    for (String app : quiet) {
      figures.put(app, new long[2]);
    }
    figures.forEach(
        (app, values) ->
            context.forward(
                new Record<String, StageRecord>(
                    app, new LiveFigures(app, partition, values[0], values[1], now), now)));
    reported = new HashSet<>(figures.keySet());
    reported.removeAll(quiet);
  }

  private static String appOf(String key) {
    return key.substring(0, key.indexOf(SEP));
  }
}
