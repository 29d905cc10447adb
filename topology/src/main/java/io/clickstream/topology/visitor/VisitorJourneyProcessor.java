package io.clickstream.topology.visitor;

import io.clickstream.model.Event;
import io.clickstream.topology.aggregate.AcceptedEvent;
import io.clickstream.topology.aggregate.StageRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each visitor's journey for interactive queries (DESIGN §5): their sessions, as stage 1
 * sessionized them, and the sessions' events. Runs in the stage-1 task of the visitor, so the
 * stores are partitioned by the input key {@code app:visitor} and {@code queryMetadataForKey} finds
 * their owner. Bounded: the newest {@link #MAX_SESSIONS} sessions of a visitor, none that ended
 * more than {@link #MAX_AGE} before stream time, and at most {@link #MAX_EVENTS_PER_SESSION} events
 * per session (the first ones). Lifecycle events belong to no session and are not kept.
 */
public final class VisitorJourneyProcessor implements Processor<String, StageRecord, Void, Void> {
  public static final String SESSIONS_STORE = "visitor-sessions-store";
  public static final String EVENTS_STORE = "visitor-events-store";
  public static final int MAX_SESSIONS = 20;
  public static final int MAX_EVENTS_PER_SESSION = 1_000;
  public static final Duration MAX_AGE = Duration.ofDays(90);
  static final Duration SWEEP_INTERVAL = Duration.ofHours(1);
  private static final StringSerializer KEYS = new StringSerializer();

  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, JourneySession> sessions;
  private KeyValueStore<String, byte[]> events;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    sessions = context.getStateStore(SESSIONS_STORE);
    events = context.getStateStore(EVENTS_STORE);
    context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweep());
  }

  @Override
  public void process(Record<String, StageRecord> record) {
    if (!(record.value() instanceof AcceptedEvent accepted) || !accepted.inSession()) {
      return;
    }
    Event event = accepted.event();
    String visitor = record.key();
    long start = accepted.sessionStart();
    long end = accepted.sessionEnd();
    int seen = 1;
    List<KeyValue<String, JourneySession>> kept = new ArrayList<>();
    for (KeyValue<String, JourneySession> old : sessionsOf(visitor)) {
      // The stored sessions this one now covers: itself before this event, or ones it merged.
      if (old.value.start() <= end && old.value.end() >= start) {
        seen += old.value.events();
        sessions.delete(old.key);
      } else {
        kept.add(old);
      }
    }
    JourneySession session = new JourneySession(start, end, seen);
    String sessionKey = JourneyKeys.session(visitor, start);
    sessions.put(sessionKey, session);
    if (seen <= MAX_EVENTS_PER_SESSION) {
      events.put(JourneyKeys.event(visitor, event.ts(), event.id()), accepted.json());
    }
    kept.add(KeyValue.pair(sessionKey, session));
    trim(visitor, kept, end);
  }

  /** Drops the visitor's sessions beyond the newest {@link #MAX_SESSIONS} or too old. */
  private void trim(String visitor, List<KeyValue<String, JourneySession>> all, long latestEnd) {
    all.sort(Comparator.comparingLong((KeyValue<String, JourneySession> s) -> s.value.start()));
    long horizon = Math.max(latestEnd, context.currentStreamTimeMs()) - MAX_AGE.toMillis();
    for (int i = 0; i < all.size(); i++) {
      KeyValue<String, JourneySession> session = all.get(i);
      if (i < all.size() - MAX_SESSIONS || session.value.end() < horizon) {
        drop(visitor, session);
      }
    }
  }

  private void drop(String visitor, KeyValue<String, JourneySession> session) {
    sessions.delete(session.key);
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it =
        events.range(
            JourneyKeys.firstEvent(visitor, session.value.start()),
            JourneyKeys.lastEvent(visitor, session.value.end()))) {
      it.forEachRemaining(entry -> keys.add(entry.key));
    }
    keys.forEach(events::delete);
  }

  private List<KeyValue<String, JourneySession>> sessionsOf(String visitor) {
    List<KeyValue<String, JourneySession>> found = new ArrayList<>();
    try (KeyValueIterator<String, JourneySession> it =
        sessions.prefixScan(JourneyKeys.visitorPrefix(visitor), KEYS)) {
      it.forEachRemaining(found::add);
    }
    return found;
  }

  /** Visitors who never come back: their sessions expire with age all the same. */
  private void sweep() {
    long horizon = context.currentStreamTimeMs() - MAX_AGE.toMillis();
    List<KeyValue<String, JourneySession>> old = new ArrayList<>();
    try (KeyValueIterator<String, JourneySession> it = sessions.all()) {
      while (it.hasNext()) {
        KeyValue<String, JourneySession> session = it.next();
        if (session.value.end() < horizon) {
          old.add(session);
        }
      }
    }
    old.forEach(session -> drop(JourneyKeys.visitorKey(session.key), session));
  }
}
