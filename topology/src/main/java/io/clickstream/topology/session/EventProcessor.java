package io.clickstream.topology.session;

import io.clickstream.model.Event;
import io.clickstream.model.EventType;
import io.clickstream.model.Json;
import io.clickstream.model.config.AppConfig;
import io.clickstream.model.config.AppSettings;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.time.Interval;
import io.clickstream.topology.BoundedLruMap;
import io.clickstream.topology.ZeroPadded;
import io.clickstream.topology.aggregate.AcceptedEvent;
import io.clickstream.topology.aggregate.Dimension;
import io.clickstream.topology.aggregate.Measure;
import io.clickstream.topology.aggregate.StageRecord;
import io.clickstream.topology.aggregate.StageRecord.CounterDeltas;
import io.clickstream.topology.aggregate.StageRecord.LateEvent;
import io.clickstream.topology.aggregate.StageRecord.VisitorAdds;
import io.clickstream.topology.funnel.FunnelDefinitions;
import io.clickstream.topology.funnel.FunnelTracker;
import io.clickstream.topology.live.LiveTracker;
import io.clickstream.topology.product.ProductCounts;
import io.clickstream.topology.retention.RetentionTracker;
import io.clickstream.topology.session.Contribution.CounterKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.internals.SessionWindow;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Stage 1 (see docs/topology.md): per visitor, in input order. Enriches, counts bots apart,
 * dedupes, refuses late events, sessionizes, and turns all of it into per-minute counter deltas and
 * visitor adds for stage 2, session summaries and live figures.
 */
public final class EventProcessor implements Processor<String, Event, String, StageRecord> {
  public static final String DEDUPE_STORE = "dedupe-store";
  public static final String SESSION_STORE = "session-store";
  public static final String PENDING_COUNTS_STORE = "pending-counts-store";
  public static final String PENDING_VISITS_STORE = "pending-visits-store";
  public static final String DIRTY_SESSIONS_STORE = "dirty-sessions-store";

  public static final Duration DEDUPE_WINDOW = Duration.ofHours(24);
  public static final Duration SESSION_GRACE = Duration.ofHours(1);

  /**
   * Visitor adds go out less often than counter deltas: each batch costs stage 2 a sketch update
   * (up to 8 KiB rewritten, and sent to its changelog) per cell and bucket, so sending them once a
   * second instead of every flush cuts that work fivefold; unique-visitor figures trail the
   * counters by up to a second.
   */
  public static final Duration VISITOR_FLUSH_INTERVAL = Duration.ofSeconds(1);

  /**
   * Visitor-cell sightings remembered per task, so that a visitor's further events in a minute cell
   * queue no visitor add. Forgetting one early only sends an add again, which a sketch absorbs.
   */
  private static final int SEEN_VISITS = 20_000;

  /**
   * Counter changes per repartition record. A flush holds an app's changed cells of a few hundred
   * milliseconds; bounding a record keeps it well under the broker's 1 MB message limit.
   */
  private static final int MAX_CHANGES = 2_000;

  /** The longest inactivity gap an app may configure; bounds the session store's retention. */
  public static final Duration MAX_SESSION_GAP = Duration.ofHours(24);

  static final String UNKNOWN_PATH = "(unknown)";
  private static final String SEP = RedisKeys.FIELD_SEPARATOR;

  private final Enricher enricher;
  private final String appConfigStoreName;
  private final Duration flushInterval;
  private final FunnelDefinitions funnelDefinitions;
  private ProcessorContext<String, StageRecord> context;
  private WindowStore<String, Long> dedupe;
  private SessionStore<String, SessionState> sessions;
  private KeyValueStore<String, byte[]> pendingCounts;
  private KeyValueStore<String, byte[]> pendingVisits;
  private Set<Sighting> seenVisits;
  private EventCells cells;
  private KeyValueStore<String, SessionState> dirtySessions;
  private KeyValueStore<String, ValueAndTimestamp<AppConfig>> apps;
  private LiveTracker live;
  private FunnelTracker funnels;
  private RetentionTracker retention;

  public EventProcessor(
      Enricher enricher,
      String appConfigStoreName,
      Duration flushInterval,
      FunnelDefinitions funnelDefinitions) {
    this.enricher = enricher;
    this.funnelDefinitions = funnelDefinitions;
    this.appConfigStoreName = appConfigStoreName;
    this.flushInterval = flushInterval;
  }

  @Override
  public void init(ProcessorContext<String, StageRecord> context) {
    this.context = context;
    dedupe = context.getStateStore(DEDUPE_STORE);
    sessions = context.getStateStore(SESSION_STORE);
    pendingCounts = context.getStateStore(PENDING_COUNTS_STORE);
    pendingVisits = context.getStateStore(PENDING_VISITS_STORE);
    // Made here, not in the constructor: a task that recovers from a failure initialises its
    // processors again, and what was seen must not outlive the store state it stands for.
    seenVisits = Collections.newSetFromMap(new BoundedLruMap<>(SEEN_VISITS));
    dirtySessions = context.getStateStore(DIRTY_SESSIONS_STORE);
    apps = context.getStateStore(appConfigStoreName);
    live = new LiveTracker(context);
    funnels = new FunnelTracker(context, funnelDefinitions);
    retention = new RetentionTracker(context);
    context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, now -> flush());
    context.schedule(
        VISITOR_FLUSH_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> flushVisitors());
  }

  @Override
  public void process(Record<String, Event> record) {
    Event event = record.value();
    if (event == null || event.appId() == null || event.visitorId() == null) {
      return;
    }
    cells = new EventCells(event.appId(), event.visitorId());
    handle(record, event);
    queue();
  }

  private void handle(Record<String, Event> record, Event event) {
    EventFacts facts = enricher.facts(event);
    String app = event.appId();
    long minute = Interval.MINUTE.bucketStart(event.ts());
    if (isDuplicate(event)) {
      return;
    }
    if (facts.bot()) {
      counter(Measure.BOT_EVENTS, "", minute, 1);
      visitor(Measure.BOT_VISITORS, "", minute);
      return;
    }
    Duration gap = sessionGap(app);
    if (event.ts() < context.currentStreamTimeMs() - gap.toMillis() - SESSION_GRACE.toMillis()) {
      context.forward(
          new Record<String, StageRecord>(
              record.key(),
              new LateEvent(app, event.visitorId(), "late", event, event.receivedAt()),
              record.timestamp()));
      return;
    }
    live.seen(app, event.visitorId());
    countEvent(event, facts, minute);
    funnels.track(record.key(), event, facts.path());
    retention.track(record.key(), event);
    if (event.type() == EventType.SESSION_START || event.type() == EventType.SESSION_END) {
      // lifecycle markers: counted as events, but they are no visitor activity
      accepted(record, event, AcceptedEvent.NO_SESSION, AcceptedEvent.NO_SESSION);
      return;
    }
    SessionState session = sessionize(record.key(), event, facts, gap);
    countInteraction(event, facts, session, minute);
    accepted(record, event, session.start(), session.end());
  }

  /** For the activity feed and the visitor journeys, which run in this task. */
  private void accepted(Record<String, Event> record, Event event, long start, long end) {
    context.forward(
        record.withValue((StageRecord) new AcceptedEvent(event, Json.toBytes(event), start, end)));
  }

  /**
   * Queues the cells the event changed as one entry per store, keyed by the record's offset: a
   * replay after a crash writes the same keys again.
   */
  private void queue() {
    String key = ZeroPadded.of(context.recordMetadata().orElseThrow().offset(), 19);
    if (!cells.counts.isEmpty()) {
      pendingCounts.put(key, cells.encodeCounts());
    }
    if (!cells.visits.isEmpty()) {
      pendingVisits.put(key, cells.encodeVisits());
      for (MinuteCell cell : cells.visits) {
        seenVisits.add(new Sighting(cells.appId, cells.visitorId, cell));
      }
    }
  }

  private void countEvent(Event event, EventFacts facts, long minute) {
    counter(Measure.EVENTS, "", minute, 1);
    String type = event.type().wireName();
    counter(
        Measure.EVENT_TYPE,
        event.type() == EventType.CUSTOM ? RedisKeys.field(type, event.name()) : type,
        minute,
        1);
    visitor(Measure.VISITORS, "", minute);
    if (event.type() == EventType.PAGEVIEW) {
      counter(Measure.PAGEVIEWS, "", minute, 1);
      counter(Measure.PAGE_VIEWS, facts.path(), minute, 1);
      visitor(Measure.PAGE_VISITORS, facts.path(), minute);
    }
    for (ProductCounts.Count count : ProductCounts.of(event)) {
      counter(count.measure(), count.productId(), minute, count.amount());
    }
  }

  /** Clicks and hovers count for the page they happened on. */
  private void countInteraction(Event event, EventFacts facts, SessionState session, long minute) {
    if (event.type() != EventType.CLICK && event.type() != EventType.HOVER) {
      return;
    }
    String path = facts.path() != null ? facts.path() : session.pathAt(event.ts());
    String detail = RedisKeys.field(path == null ? UNKNOWN_PATH : path, event.target());
    if (event.type() == EventType.CLICK) {
      counter(Measure.CLICKS, detail, minute, 1);
    } else {
      counter(Measure.HOVER_MS, detail, minute, event.elapsedMs());
      counter(Measure.HOVER_COUNT, detail, minute, 1);
    }
  }

  /**
   * Merges the event with every session within the gap of it, stores the result, and counts the
   * difference it makes: the new session's contribution minus those of the sessions it replaced.
   */
  private SessionState sessionize(String key, Event event, EventFacts facts, Duration gap) {
    long ts = event.ts();
    SessionState merged = SessionState.of(event, facts);
    Contribution replaced = Contribution.none();
    List<SessionState> absorbed = new ArrayList<>();
    try (KeyValueIterator<Windowed<String>, SessionState> overlapping =
        sessions.findSessions(key, ts - gap.toMillis(), ts + gap.toMillis())) {
      while (overlapping.hasNext()) {
        KeyValue<Windowed<String>, SessionState> found = overlapping.next();
        absorbed.add(found.value);
        replaced = replaced.plus(Contribution.of(found.value));
        merged = merged.merge(found.value);
      }
    }
    for (SessionState old : absorbed) {
      sessions.remove(window(key, old));
      if (old.start() != merged.start()) {
        retract(key, old);
      }
    }
    sessions.put(window(key, merged), merged);
    dirtySessions.put(dirtyKey(key, merged), merged);

    for (Map.Entry<CounterKey, Long> change : Contribution.of(merged).minus(replaced).entrySet()) {
      CounterKey cell = change.getKey();
      counter(cell.measure(), cell.detail(), cell.minute(), change.getValue());
    }
    long sessionMinute = Interval.MINUTE.bucketStart(merged.start());
    for (Map.Entry<Dimension, String> dimension : Contribution.dimensionKeys(merged).entrySet()) {
      visitor(
          Measure.DIMENSION_VISITORS,
          dimension.getKey().detail(dimension.getValue()),
          sessionMinute);
    }
    return merged;
  }

  private void retract(String key, SessionState old) {
    dirtySessions.delete(dirtyKey(key, old));
    context.forward(new Record<String, StageRecord>(key, Sessions.summary(old, true), old.end()));
  }

  private boolean isDuplicate(Event event) {
    String key = event.appId() + SEP + event.id();
    long window = DEDUPE_WINDOW.toMillis();
    try (WindowStoreIterator<Long> seen =
        dedupe.fetch(key, event.ts() - window, event.ts() + window)) {
      if (seen.hasNext()) {
        return true;
      }
    }
    dedupe.put(key, event.ts(), event.ts());
    return false;
  }

  private Duration sessionGap(String app) {
    ValueAndTimestamp<AppConfig> config = apps.get(app);
    AppSettings settings = config == null ? null : config.value().settings();
    int minutes =
        settings == null || settings.sessionTimeoutMin() <= 0
            ? AppSettings.DEFAULTS.sessionTimeoutMin()
            : settings.sessionTimeoutMin();
    Duration gap = Duration.ofMinutes(minutes);
    return gap.compareTo(MAX_SESSION_GAP) > 0 ? MAX_SESSION_GAP : gap;
  }

  private void counter(Measure measure, String detail, long minute, long amount) {
    cells.count(new MinuteCell(minute, measure.code(), detail), amount);
  }

  /** Queues a visitor add unless the event's visitor was seen in the minute cell lately. */
  private void visitor(Measure measure, String detail, long minute) {
    MinuteCell cell = new MinuteCell(minute, measure.code(), detail);
    if (!seenVisits.contains(new Sighting(cells.appId, cells.visitorId, cell))) {
      cells.visit(cell);
    }
  }

  /** A visitor seen in a minute cell of an app. */
  private record Sighting(String appId, String visitorId, MinuteCell cell) {}

  /** Sends the pending counter deltas and the changed sessions. */
  private void flush() {
    List<String> sent = new ArrayList<>();
    Map<String, Map<MinuteCell, Long>> sums = new TreeMap<>();
    try (KeyValueIterator<String, byte[]> it = pendingCounts.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> entry = it.next();
        sent.add(entry.key);
        EventCells queued = EventCells.decodeCounts(entry.value);
        Map<MinuteCell, Long> app = sums.computeIfAbsent(queued.appId, a -> new TreeMap<>());
        for (EventCells.Count count : queued.counts) {
          app.merge(count.cell(), count.amount(), Long::sum);
        }
      }
    }
    sums.forEach(this::forwardCounts);
    sent.forEach(pendingCounts::delete);

    List<String> summarized = new ArrayList<>();
    try (KeyValueIterator<String, SessionState> it = dirtySessions.all()) {
      while (it.hasNext()) {
        KeyValue<String, SessionState> entry = it.next();
        summarized.add(entry.key);
        SessionState session = entry.value;
        context.forward(
            new Record<String, StageRecord>(
                session.appId() + ":" + session.visitorId(),
                Sessions.summary(session, false),
                session.end()));
      }
    }
    summarized.forEach(dirtySessions::delete);
  }

  /** One app's summed counter changes, in records of at most {@link #MAX_CHANGES} changes. */
  private void forwardCounts(String app, Map<MinuteCell, Long> sums) {
    List<CounterDeltas.Change> changes = new ArrayList<>();
    for (Map.Entry<MinuteCell, Long> sum : sums.entrySet()) {
      MinuteCell cell = sum.getKey();
      if (sum.getValue() != 0) {
        changes.add(
            new CounterDeltas.Change(cell.measure(), cell.detail(), cell.minute(), sum.getValue()));
      }
    }
    for (int from = 0; from < changes.size(); from += MAX_CHANGES) {
      List<CounterDeltas.Change> part =
          List.copyOf(changes.subList(from, Math.min(changes.size(), from + MAX_CHANGES)));
      long latestMinute = part.get(part.size() - 1).minute(); // changes sort by minute
      context.forward(
          new Record<String, StageRecord>(app, new CounterDeltas(app, part), latestMinute));
    }
  }

  /** Sends the queued visitor adds, one batch per minute cell. */
  private void flushVisitors() {
    List<String> sent = new ArrayList<>();
    Map<String, Map<MinuteCell, Set<String>>> batches = new TreeMap<>();
    try (KeyValueIterator<String, byte[]> it = pendingVisits.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> entry = it.next();
        sent.add(entry.key);
        EventCells queued = EventCells.decodeVisits(entry.value);
        Map<MinuteCell, Set<String>> app =
            batches.computeIfAbsent(queued.appId, a -> new TreeMap<>());
        for (MinuteCell cell : queued.visits) {
          app.computeIfAbsent(cell, c -> new TreeSet<>()).add(queued.visitorId);
        }
      }
    }
    for (Map.Entry<String, Map<MinuteCell, Set<String>>> app : batches.entrySet()) {
      for (Map.Entry<MinuteCell, Set<String>> batch : app.getValue().entrySet()) {
        MinuteCell cell = batch.getKey();
        VisitorAdds adds =
            new VisitorAdds(
                app.getKey(),
                cell.measure(),
                cell.detail(),
                cell.minute(),
                List.copyOf(batch.getValue()));
        context.forward(new Record<String, StageRecord>(app.getKey(), adds, cell.minute()));
      }
    }
    sent.forEach(pendingVisits::delete);
  }

  private static Windowed<String> window(String key, SessionState session) {
    return new Windowed<>(key, new SessionWindow(session.start(), session.end()));
  }

  private static String dirtyKey(String key, SessionState session) {
    return key + SEP + session.start();
  }
}
