package io.clickstream.topology.aggregate;

import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.time.Interval;
import io.clickstream.topology.aggregate.StageRecord.CounterDeltas;
import io.clickstream.topology.aggregate.StageRecord.LiveFigures;
import io.clickstream.topology.aggregate.StageRecord.VisitorAdds;
import io.clickstream.topology.mirror.MirrorBuffer;
import io.clickstream.topology.mirror.MirrorSink;
import io.clickstream.topology.mirror.MirrorTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Stage 2 (see docs/topology.md): all of one app's cells. Applies each minute delta to its minute,
 * hour and day bucket, adds visitors to the buckets' sketches, sums the live figures of the stage-1
 * partitions, and records every changed value for the Redis mirror.
 */
public final class AggregateProcessor implements Processor<String, StageRecord, Void, Void> {
  public static final String LIVE_STORE = "live-figures-store";
  public static final String MIRROR_PENDING_STORE = "mirror-pending-store";

  /** Funnel and retention counters, by serving key and field (see {@link ServingAggregates}). */
  public static final String SERVING_COUNTS_STORE = ServingAggregates.COUNTS_STORE;

  /** Funnel times to convert as KLL sketches (see {@link ServingAggregates}). */
  public static final String SERVING_QUANTILES_STORE = ServingAggregates.QUANTILES_STORE;

  /** A partition's live figures older than this are stale (its task moved or stopped). */
  static final Duration LIVE_STALE_AFTER = Duration.ofSeconds(5);

  private static final String SEP = RedisKeys.FIELD_SEPARATOR;

  private final MirrorSink sink;
  private final Duration mirrorInterval;
  private final boolean rebuildMirror;
  private ProcessorContext<Void, Void> context;
  private final Map<Interval, WindowStore<String, Long>> counters = new EnumMap<>(Interval.class);
  private final Map<Interval, WindowStore<String, byte[]>> sketches = new EnumMap<>(Interval.class);
  private KeyValueStore<String, LiveFigures> live;
  private MirrorBuffer mirror;
  private ServingAggregates serving;
  private final Map<String, long[]> liveWritten = new HashMap<>();

  public AggregateProcessor(MirrorSink sink, Duration mirrorInterval, boolean rebuildMirror) {
    this.sink = sink;
    this.mirrorInterval = mirrorInterval;
    this.rebuildMirror = rebuildMirror;
  }

  public static String counterStore(Interval interval) {
    return "aggregates-" + interval.key() + "-store";
  }

  public static String sketchStore(Interval interval) {
    return "sketches-" + interval.key() + "-store";
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    for (Interval interval : Interval.values()) {
      counters.put(interval, context.getStateStore(counterStore(interval)));
      sketches.put(interval, context.getStateStore(sketchStore(interval)));
    }
    live = context.getStateStore(LIVE_STORE);
    mirror = new MirrorBuffer(context.getStateStore(MIRROR_PENDING_STORE), sink, this::sketchAt);
    serving = new ServingAggregates(context, mirror);
    if (rebuildMirror) {
      markEverythingPending();
      serving.markEverythingPending();
    }
    context.schedule(mirrorInterval, PunctuationType.WALL_CLOCK_TIME, now -> mirror.flush());
    context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, this::refreshLive);
  }

  @Override
  public void process(Record<String, StageRecord> record) {
    StageRecord value = record.value();
    if (value instanceof CounterDeltas deltas) {
      for (CounterDeltas.Change change : deltas.changes()) {
        add(deltas.appId(), change);
      }
    } else if (value instanceof VisitorAdds adds) {
      add(adds);
    } else if (value instanceof LiveFigures figures) {
      live.put(figures.appId() + SEP + figures.partition(), figures);
      writeLive(figures.appId(), context.currentSystemTimeMs());
    } else if (value instanceof ServingCount count) {
      serving.add(count);
    } else if (value instanceof ServingSample sample) {
      serving.add(sample);
    } else {
      throw new IllegalArgumentException("Not a delta: " + value);
    }
  }

  private void add(String appId, CounterDeltas.Change change) {
    Cell cell = new Cell(appId, Measure.fromCode(change.measure()), change.detail());
    String key = cell.encode();
    for (Interval interval : Interval.values()) {
      long bucket = interval.bucketStart(change.minute());
      WindowStore<String, Long> store = counters.get(interval);
      Long current = store.fetch(key, bucket);
      long value = (current == null ? 0 : current) + change.amount();
      store.put(key, value, bucket);
      mirror(cell, interval, bucket, ascii(value));
    }
  }

  private void add(VisitorAdds adds) {
    Cell cell = adds.cell();
    String key = cell.encode();
    for (Interval interval : Interval.values()) {
      long bucket = interval.bucketStart(adds.minute());
      WindowStore<String, byte[]> store = sketches.get(interval);
      store.put(key, Sketches.add(store.fetch(key, bucket), adds.visitorIds()), bucket);
      mirrorSketch(cell, key, interval, bucket);
    }
  }

  /** Sketches go to the mirror by reference: see {@link MirrorBuffer#putReference}. */
  private void mirrorSketch(Cell cell, String key, Interval interval, long bucket) {
    MirrorTarget target = cell.measure().target(cell.appId(), interval, bucket, cell.detail());
    mirror.putReference(target, interval.key() + ":" + bucket + ":" + key, interval.retention());
  }

  /** The sketch a {@link #mirrorSketch} reference names, or null once it has expired. */
  private byte[] sketchAt(String reference) {
    String[] parts = reference.split(":", 3);
    Interval interval = Interval.fromKey(parts[0]).orElseThrow();
    return sketches.get(interval).fetch(parts[2], Long.parseLong(parts[1]));
  }

  private void mirror(Cell cell, Interval interval, long bucket, byte[] value) {
    MirrorTarget target = cell.measure().target(cell.appId(), interval, bucket, cell.detail());
    mirror.put(target, value, interval.retention(), null);
  }

  /** Recomputes every app's live figures, so that stale partitions drop out. */
  private void refreshLive(long now) {
    Map<String, Boolean> apps = new HashMap<>();
    try (KeyValueIterator<String, LiveFigures> it = live.all()) {
      while (it.hasNext()) {
        apps.put(it.next().value.appId(), true);
      }
    }
    apps.keySet().forEach(app -> writeLive(app, now));
  }

  private void writeLive(String app, long now) {
    long active = 0;
    long lastMinute = 0;
    try (KeyValueIterator<String, LiveFigures> it =
        live.prefixScan(app + SEP, new StringSerializer())) {
      while (it.hasNext()) {
        LiveFigures figures = it.next().value;
        if (figures.at() >= now - LIVE_STALE_AFTER.toMillis()) {
          active += figures.activeVisitors();
          lastMinute += figures.eventsLastMinute();
        }
      }
    }
    long[] written = liveWritten.get(app);
    if (written != null && written[0] == active && written[1] == lastMinute) {
      return;
    }
    liveWritten.put(app, new long[] {active, lastMinute});
    String key = RedisKeys.live(app);
    String channel = RedisKeys.liveChannel(app);
    mirror.put(new MirrorTarget(key, "active_visitors"), ascii(active), Duration.ZERO, channel);
    mirror.put(
        new MirrorTarget(key, "events_last_minute"), ascii(lastMinute), Duration.ZERO, channel);
  }

  /** {@code clickstream topology --rebuild-mirror}: every stored aggregate is written again. */
  private void markEverythingPending() {
    for (Interval interval : Interval.values()) {
      try (KeyValueIterator<Windowed<String>, Long> it = counters.get(interval).all()) {
        while (it.hasNext()) {
          KeyValue<Windowed<String>, Long> entry = it.next();
          mirror(
              Cell.decode(entry.key.key()),
              interval,
              entry.key.window().start(),
              ascii(entry.value));
        }
      }
      try (KeyValueIterator<Windowed<String>, byte[]> it = sketches.get(interval).all()) {
        while (it.hasNext()) {
          KeyValue<Windowed<String>, byte[]> entry = it.next();
          mirrorSketch(
              Cell.decode(entry.key.key()), entry.key.key(), interval, entry.key.window().start());
        }
      }
    }
  }

  private static byte[] ascii(long value) {
    return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
  }
}
