package io.clickstream.topology;

import io.clickstream.model.EventSerde;
import io.clickstream.model.JsonSerde;
import io.clickstream.model.config.AppConfig;
import io.clickstream.platform.kafka.Topics;
import io.clickstream.platform.time.Interval;
import io.clickstream.topology.aggregate.AggregateProcessor;
import io.clickstream.topology.aggregate.StageRecord;
import io.clickstream.topology.aggregate.StageRecord.LiveFigures;
import io.clickstream.topology.aggregate.StageRecord.SessionSummary;
import io.clickstream.topology.enrich.UserAgentParser;
import io.clickstream.topology.live.LiveTracker;
import io.clickstream.topology.mirror.MirrorSink;
import io.clickstream.topology.session.Enricher;
import io.clickstream.topology.session.EventProcessor;
import io.clickstream.topology.session.SessionState;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The Kafka Streams topology of docs/topology.md. Every processor, store and internal topic is
 * named, so the app runs with {@code ensure.explicit.internal.resource.naming=true} and the names
 * stay stable across releases (renaming one would orphan its state).
 */
public final class ClickstreamTopology {
  public static final String APP_CONFIG_STORE = "app-config-store";
  public static final String METRIC_DELTAS_TOPIC = "metric-deltas";
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(200);

  private static final Serde<String> STRING = Serdes.String();
  private static final Serde<Long> LONG = Serdes.Long();
  private static final Serde<byte[]> BYTES = Serdes.ByteArray();

  private ClickstreamTopology() {}

  /** What the topology needs besides Kafka: where the mirror goes and how often. */
  public record Options(
      MirrorSink mirror, Duration mirrorInterval, Duration flushInterval, boolean rebuildMirror) {
    public static Options of(MirrorSink mirror, Duration mirrorInterval) {
      return new Options(mirror, mirrorInterval, DEFAULT_FLUSH_INTERVAL, false);
    }
  }

  public static Topology build(Options options) {
    StreamsBuilder builder = new StreamsBuilder();
    Serde<StageRecord> stageSerde = new JsonSerde<>(StageRecord.class);
    Serde<AppConfig> appConfigSerde = new JsonSerde<>(AppConfig.class);

    builder.globalTable(
        Topics.CONFIG_APPS,
        Consumed.with(STRING, appConfigSerde).withName("app-config-source"),
        Materialized.<String, AppConfig, KeyValueStore<Bytes, byte[]>>as(APP_CONFIG_STORE)
            .withKeySerde(STRING)
            .withValueSerde(appConfigSerde));
    addStageOneStores(builder);
    addStageTwoStores(builder);

    UserAgentParser userAgents = UserAgentParser.shared();
    KStream<String, StageRecord> stageOne =
        builder.stream(
                Topics.EVENTS,
                Consumed.with(STRING, new EventSerde())
                    .withTimestampExtractor(new EventTimeExtractor())
                    .withName("events-source"))
            .process(
                () ->
                    new EventProcessor(
                        new Enricher(userAgents), APP_CONFIG_STORE, options.flushInterval()),
                Named.as("event-processor"),
                EventProcessor.DEDUPE_STORE,
                EventProcessor.SESSION_STORE,
                EventProcessor.PENDING_DELTAS_STORE,
                EventProcessor.VISITOR_SEEN_STORE,
                EventProcessor.DIRTY_SESSIONS_STORE,
                LiveTracker.VISITORS_STORE,
                LiveTracker.EVENTS_STORE);

    Map<String, KStream<String, StageRecord>> outputs =
        stageOne
            .split(Named.as("stage-one-"))
            .branch((key, value) -> value instanceof StageRecord.Delta, Branched.as("deltas"))
            .branch((key, value) -> value instanceof SessionSummary, Branched.as("sessions"))
            .defaultBranch(Branched.as("late"));

    outputs
        .get("stage-one-sessions")
        .to(Topics.SESSIONS, Produced.with(STRING, stageSerde).withName("sessions-sink"));
    outputs
        .get("stage-one-late")
        .to(Topics.EVENTS_DLQ, Produced.with(STRING, stageSerde).withName("late-events-sink"));
    outputs
        .get("stage-one-deltas")
        .repartition(Repartitioned.with(STRING, stageSerde).withName(METRIC_DELTAS_TOPIC))
        .process(
            () ->
                new AggregateProcessor(
                    options.mirror(), options.mirrorInterval(), options.rebuildMirror()),
            Named.as("aggregate-processor"),
            stageTwoStoreNames());
    return builder.build();
  }

  private static void addStageOneStores(StreamsBuilder builder) {
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(
                EventProcessor.DEDUPE_STORE,
                EventProcessor.DEDUPE_WINDOW.plusHours(1),
                Duration.ofMillis(1),
                false),
            STRING,
            LONG));
    builder.addStateStore(
        Stores.sessionStoreBuilder(
            Stores.persistentSessionStore(
                EventProcessor.SESSION_STORE,
                EventProcessor.MAX_SESSION_GAP.plus(EventProcessor.SESSION_GRACE)),
            STRING,
            new JsonSerde<>(SessionState.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(EventProcessor.PENDING_DELTAS_STORE), STRING, LONG)
            .withCachingEnabled());
    builder.addStateStore(
        Stores.windowStoreBuilder(
                Stores.persistentWindowStore(
                    EventProcessor.VISITOR_SEEN_STORE,
                    Duration.ofHours(2),
                    Duration.ofMinutes(1),
                    false),
                STRING,
                LONG)
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(EventProcessor.DIRTY_SESSIONS_STORE),
            STRING,
            new JsonSerde<>(SessionState.class)));
    for (String live : new String[] {LiveTracker.VISITORS_STORE, LiveTracker.EVENTS_STORE}) {
      builder.addStateStore(
          Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(live), STRING, LONG)
              .withCachingEnabled());
    }
  }

  private static void addStageTwoStores(StreamsBuilder builder) {
    for (Interval interval : Interval.values()) {
      Duration size = Duration.ofMillis(interval.millis());
      builder.addStateStore(
          Stores.windowStoreBuilder(
                  Stores.persistentWindowStore(
                      AggregateProcessor.counterStore(interval), interval.retention(), size, false),
                  STRING,
                  LONG)
              .withCachingEnabled());
      builder.addStateStore(
          Stores.windowStoreBuilder(
                  Stores.persistentWindowStore(
                      AggregateProcessor.sketchStore(interval), interval.retention(), size, false),
                  STRING,
                  BYTES)
              .withCachingEnabled());
    }
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(AggregateProcessor.LIVE_STORE),
            STRING,
            new JsonSerde<>(LiveFigures.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(AggregateProcessor.MIRROR_PENDING_STORE),
            STRING,
            BYTES));
  }

  private static String[] stageTwoStoreNames() {
    String[] names = new String[Interval.values().length * 2 + 2];
    int i = 0;
    for (Interval interval : Interval.values()) {
      names[i++] = AggregateProcessor.counterStore(interval);
      names[i++] = AggregateProcessor.sketchStore(interval);
    }
    names[i++] = AggregateProcessor.LIVE_STORE;
    names[i] = AggregateProcessor.MIRROR_PENDING_STORE;
    return names;
  }
}
