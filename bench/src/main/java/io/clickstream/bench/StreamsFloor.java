package io.clickstream.bench;

import io.clickstream.model.Event;
import io.clickstream.model.EventSerde;
import io.clickstream.platform.kafka.TopicInitializer;
import io.clickstream.platform.kafka.TopicSpec;
import io.clickstream.platform.kafka.Topics;
import io.clickstream.topology.TopologySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.internals.SessionWindow;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The floor under the topology benchmark: Kafka Streams itself, with the topology's settings
 * (exactly-once v2, commit interval, caches, compression), on the same input, doing close to
 * nothing. It tells how much of the distance to ConsumerPerformance is the framework and how much
 * is Clickstream's own work.
 */
final class StreamsFloor {
  private static final Duration DEDUPE_WINDOW = Duration.ofHours(24);
  private static final Duration SESSION_GAP = Duration.ofMinutes(30);
  private static final String DEDUPE_STORE = "floor-dedupe";
  private static final String SESSION_STORE = "floor-sessions";

  /** What the floor application does per event. */
  enum Work {
    /** Reads and deserialises each event, nothing else. */
    DESERIALISE("Kafka Streams EOS, events deserialised only"),
    /**
     * The least state DESIGN §4 asks for: dedupe by event id within 24 h (a window store fetch and
     * put) and 30-minute session windows (a session store lookup, removal and put), both
     * changelogged RocksDB stores, uncached like the topology's.
     */
    DEDUPE_AND_SESSIONS("Kafka Streams EOS, + dedupe and session windows only");

    final String label;

    Work(String label) {
      this.label = label;
    }
  }

  private StreamsFloor() {}

  /** Runs the floor application over the whole input; events/s from start to caught up. */
  static double run(Work work, String bootstrap, Admin admin, Path stateRoot, long events)
      throws Exception {
    String applicationId = "bench-floor-" + work.name().toLowerCase().replace('_', '-');
    Path stateDir = stateRoot.resolve(applicationId);
    org.apache.kafka.common.utils.Utils.delete(stateDir.toFile());
    Properties config =
        new TopologySettings(
                applicationId,
                bootstrap,
                "",
                stateDir,
                "127.0.0.1",
                0,
                1,
                Duration.ofMillis(250),
                false,
                Map.of())
            .streamsConfig();
    createChangelogs(admin, applicationId, work);
    KafkaStreams streams = new KafkaStreams(topology(work), config);
    CountDownLatch running = new CountDownLatch(1);
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            running.countDown();
          }
        });
    long started = System.nanoTime();
    streams.start();
    try {
      if (!running.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException(applicationId + " did not reach RUNNING");
      }
      TopologyBenchmark.awaitCaughtUp(admin, applicationId, new ThreadTime()); // ratios unused
      return events / ((System.nanoTime() - started) / 1e9);
    } finally {
      streams.close(Duration.ofSeconds(30));
    }
  }

  private static org.apache.kafka.streams.Topology topology(Work work) {
    StreamsBuilder builder = new StreamsBuilder();
    var events =
        builder.stream(
            Topics.EVENTS,
            Consumed.with(Serdes.String(), new EventSerde()).withName("floor-events"));
    if (work == Work.DESERIALISE) {
      events.foreach((key, event) -> {}, Named.as("floor-nothing"));
      return builder.build();
    }
    builder.addStateStore(
        Stores.windowStoreBuilder(
                Stores.persistentWindowStore(
                    DEDUPE_STORE, DEDUPE_WINDOW.plusHours(1), Duration.ofMillis(1), false),
                Serdes.String(),
                Serdes.Long())
            .withCachingDisabled());
    builder.addStateStore(
        Stores.sessionStoreBuilder(
                Stores.persistentSessionStore(SESSION_STORE, Duration.ofHours(25)),
                Serdes.String(),
                Serdes.Long())
            .withCachingDisabled());
    events.process(DedupeAndSessions::new, Named.as("floor-state"), DEDUPE_STORE, SESSION_STORE);
    return builder.build();
  }

  private static void createChangelogs(Admin admin, String applicationId, Work work)
      throws Exception {
    if (work == Work.DESERIALISE) {
      return;
    }
    int partitions = BenchSupport.eventPartitions(admin);
    long retention = Duration.ofHours(26).toMillis();
    List<TopicSpec> topics = new ArrayList<>();
    for (String store : List.of(DEDUPE_STORE, SESSION_STORE)) {
      topics.add(
          new TopicSpec(applicationId + "-" + store + "-changelog", partitions, true, retention));
    }
    new TopicInitializer(admin, (short) 1).initialize(topics);
  }

  /** Per event: drop a repeated id, then merge the event into its visitor's session window. */
  private static final class DedupeAndSessions implements Processor<String, Event, Void, Void> {
    private WindowStore<String, Long> dedupe;
    private SessionStore<String, Long> sessions;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      dedupe = context.getStateStore(DEDUPE_STORE);
      sessions = context.getStateStore(SESSION_STORE);
    }

    @Override
    public void process(Record<String, Event> record) {
      Event event = record.value();
      String id = event.appId() + "|" + event.id();
      long ts = event.ts();
      try (WindowStoreIterator<Long> seen =
          dedupe.fetch(id, ts - DEDUPE_WINDOW.toMillis(), ts + DEDUPE_WINDOW.toMillis())) {
        if (seen.hasNext()) {
          return;
        }
      }
      dedupe.put(id, ts, ts);
      long start = ts;
      long end = ts;
      long count = 1;
      List<Windowed<String>> merged = new ArrayList<>();
      try (KeyValueIterator<Windowed<String>, Long> found =
          sessions.findSessions(
              record.key(), ts - SESSION_GAP.toMillis(), ts + SESSION_GAP.toMillis())) {
        while (found.hasNext()) {
          KeyValue<Windowed<String>, Long> session = found.next();
          merged.add(session.key);
          start = Math.min(start, session.key.window().start());
          end = Math.max(end, session.key.window().end());
          count += session.value;
        }
      }
      merged.forEach(sessions::remove);
      sessions.put(new Windowed<>(record.key(), new SessionWindow(start, end)), count);
    }
  }
}
