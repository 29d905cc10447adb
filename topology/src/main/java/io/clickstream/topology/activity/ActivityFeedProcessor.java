package io.clickstream.topology.activity;

import io.clickstream.model.Event;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.topology.ZeroPadded;
import io.clickstream.topology.aggregate.AcceptedEvent;
import io.clickstream.topology.aggregate.StageRecord;
import io.clickstream.topology.mirror.FeedEntry;
import io.clickstream.topology.mirror.MirrorSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The activity feed (DESIGN §4): every accepted event of this stage-1 task goes to a pending store
 * (changelogged, so it commits with the input) and, every flush, into the app's capped Redis sorted
 * set ({@link RedisKeys#activity}). Scores are received_at × 1000 + (id hash mod 1000): the same
 * event always gets the same member and score, so a replay after a crash adds nothing new. Pending
 * events beyond the feed's capacity are dropped at each flush, so a Redis outage cannot make the
 * store grow without bound.
 */
public final class ActivityFeedProcessor implements Processor<String, StageRecord, Void, Void> {
  public static final String PENDING_STORE = "pending-activity-store";

  private static final Logger log = LoggerFactory.getLogger(ActivityFeedProcessor.class);
  private static final String SEP = RedisKeys.FIELD_SEPARATOR;

  private final MirrorSink sink;
  private final Duration flushInterval;
  private KeyValueStore<String, byte[]> pending;
  private boolean sinkFailing;

  public ActivityFeedProcessor(MirrorSink sink, Duration flushInterval) {
    this.sink = sink;
    this.flushInterval = flushInterval;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    pending = context.getStateStore(PENDING_STORE);
    context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, now -> flush());
  }

  @Override
  public void process(Record<String, StageRecord> record) {
    if (record.value() instanceof AcceptedEvent accepted) {
      Event event = accepted.event();
      // Zero-padded, so that the store's order is the app's events by score.
      String key = event.appId() + SEP + ZeroPadded.of(score(event), 19) + SEP + event.id();
      pending.put(key, accepted.json());
    }
  }

  /** received_at ms × 1000 + (id hash mod 1000): exact in a double until the year 2255. */
  public static long score(Event event) {
    int hash = event.id() == null ? 0 : Math.floorMod(event.id().hashCode(), 1000);
    return event.receivedAt() * 1000 + hash;
  }

  private void flush() {
    Map<String, List<KeyValue<String, byte[]>>> perApp = new LinkedHashMap<>();
    try (KeyValueIterator<String, byte[]> it = pending.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> entry = it.next();
        perApp
            .computeIfAbsent(
                entry.key.substring(0, entry.key.indexOf(SEP)), app -> new ArrayList<>())
            .add(entry);
      }
    }
    if (perApp.isEmpty()) {
      return;
    }
    List<FeedEntry> entries = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    perApp.forEach(
        (app, events) -> {
          int tooMany = Math.max(0, events.size() - RedisKeys.ACTIVITY_CAPACITY);
          // The oldest beyond the capacity would be trimmed at once: they need not be written.
          events.subList(0, tooMany).forEach(entry -> pending.delete(entry.key));
          for (KeyValue<String, byte[]> entry : events.subList(tooMany, events.size())) {
            String[] parts = entry.key.split(SEP, 3);
            entries.add(
                new FeedEntry(
                    RedisKeys.activity(app),
                    entry.value,
                    Long.parseLong(parts[1]),
                    RedisKeys.ACTIVITY_CAPACITY));
            keys.add(entry.key);
          }
        });
    try {
      sink.addToFeeds(entries);
    } catch (RuntimeException e) {
      if (!sinkFailing) {
        log.warn(
            "Activity feed write failed; {} events stay pending: {}", keys.size(), e.toString());
      }
      sinkFailing = true;
      return;
    }
    sinkFailing = false;
    keys.forEach(pending::delete);
  }
}
